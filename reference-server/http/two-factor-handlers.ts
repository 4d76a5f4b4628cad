/** The 2FA route handlers: thin adapters from HTTP to the two-factor services. */
import type { TwoFactorRouteName } from '../../conformance/spec/protocol/routes.js';
import { removeAuthenticator, resetTwoFactor, settingsOf } from '../two-factor/authenticators.js';
import type { TwoFactorContext } from '../two-factor/context.js';
import { confirmRegistration, registerByQr, registerBySecret } from '../two-factor/enrolment.js';
import { loginForgotPassword, loginResetPassword } from '../two-factor/forgot-password.js';
import { loginOtp, loginPassword, loginPush, startLogin } from '../two-factor/logins.js';
import { viewLogin } from '../two-factor/login-view.js';
import { setPasswordLock } from '../two-factor/password-lock.js';
import { answerPush } from '../two-factor/push.js';
import {
  loginRecovery,
  loginRecoveryCode,
  loginRecoveryPhone,
  setRecoveryPhone,
  verifyRecoveryPhone,
} from '../two-factor/recovery.js';
import { createRegistration } from '../two-factor/registrations.js';
import { toAuthenticator } from '../two-factor/rows.js';
import type { Handlers } from './route-types.js';

export function createTwoFactorHandlers(ctx: TwoFactorContext): Pick<Handlers, TwoFactorRouteName> {
  return {
    getTwoFactor: () => settingsOf(ctx),
    createRegistration: () => createRegistration(ctx),
    confirmRegistration: ({ params, body }) => confirmRegistration(ctx, params.registrationId, body),
    removeAuthenticator: ({ params }) => removeAuthenticator(ctx, params.authenticatorId),
    setPasswordLock: ({ body }) => setPasswordLock(ctx, body),
    resetTwoFactor: ({ body }) => resetTwoFactor(ctx, body.code),
    skipTwoFactorSetup: () => ctx.rules.skipTwoFactorSetup(ctx),
    listOutbox: ({ query }) => ctx.rules.listOutbox(ctx.db, query.after ?? 0, query.limit ?? 100),
    registerAuthenticator: ({ body }) => registerByQr(ctx, body),
    registerBySecret: ({ body }) => registerBySecret(ctx, body),
    getAuthenticatorSelf: ({ authenticator }) => toAuthenticator(authenticator),
    listNotifications: ({ authenticator, query }) =>
      ctx.rules.listNotifications(ctx, authenticator, query.after ?? 0, query.limit ?? 100),
    answerPush: ({ authenticator, params, body }) => answerPush(ctx, authenticator, params.requestId, body),
    setRecoveryPhone: ({ authenticator, body }) => setRecoveryPhone(ctx, authenticator, body.phone),
    verifyRecoveryPhone: ({ authenticator, body }) => verifyRecoveryPhone(ctx, authenticator, body.digits),
    startLogin: ({ body }) => startLogin(ctx, body.browserToken),
    getLogin: ({ params }) => viewLogin(ctx, params.loginId),
    loginPassword: ({ params, body }) => loginPassword(ctx, params.loginId, body.password),
    loginPush: ({ params, body }) => loginPush(ctx, params.loginId, body.authenticatorId),
    loginOtp: ({ params, body }) => loginOtp(ctx, params.loginId, body),
    loginRecovery: ({ params, body }) => loginRecovery(ctx, params.loginId, body.authenticatorId),
    loginRecoveryPhone: ({ params, body }) => loginRecoveryPhone(ctx, params.loginId, body.phone),
    loginRecoveryCode: ({ params, body }) => loginRecoveryCode(ctx, params.loginId, body.digits),
    loginForgotPassword: ({ params, body }) => loginForgotPassword(ctx, params.loginId, body.email),
    loginResetPassword: ({ params, body }) => loginResetPassword(ctx, params.loginId, body),
  };
}
