/**
 * A well-formed request for each 2FA route, for the tests that take one part away (the key, the edition): ids are
 * placeholders, since those tests are refused before any id is looked up.
 */
import type { TwoFactorRouteName } from '../../../conformance/spec/protocol/routes.js';
import { jsonBody, type RawCall } from '../../helpers/raw-http.js';

const ID = 'placeholder-id-0001';
const json = (method: string, path: string, body: unknown): RawCall => ({ method, path, ...jsonBody(body) });
const login = (suffix: string, body: unknown) => json('POST', `/v1/console/logins/${ID}/${suffix}`, body);
const app = { name: 'Redmi Note 8', platform: 'android', installId: 'install-0001' };

export const TWO_FACTOR_CALLS: Record<TwoFactorRouteName, () => RawCall> = {
  getTwoFactor: () => ({ method: 'GET', path: '/v1/console/2fa' }),
  createRegistration: () => json('POST', '/v1/console/2fa/registrations', {}),
  confirmRegistration: () =>
    json('POST', `/v1/console/2fa/registrations/${ID}/confirm`, { code: '123456', name: 'Authy' }),
  removeAuthenticator: () => ({ method: 'DELETE', path: `/v1/console/2fa/authenticators/${ID}` }),
  setPasswordLock: () => json('PUT', '/v1/console/2fa/password-lock', { password: 'correct horse', email: 'a@b.c' }),
  resetTwoFactor: () => json('POST', '/v1/console/2fa/reset', { code: '123456' }),
  skipTwoFactorSetup: () => json('POST', '/v1/console/2fa/setup-offer/skip', {}),
  listOutbox: () => ({ method: 'GET', path: '/v1/console/outbox' }),
  registerAuthenticator: () => json('POST', '/v1/2fa/authenticators', { registrationToken: 't'.repeat(43), ...app }),
  registerBySecret: () =>
    json('POST', '/v1/2fa/authenticators/by-secret', {
      username: 'desk',
      secret: 'JBSWY3DPEHPK3PXP',
      code: '123456',
      ...app,
    }),
  getAuthenticatorSelf: () => ({ method: 'GET', path: '/v1/2fa/authenticator' }),
  listNotifications: () => ({ method: 'GET', path: '/v1/pns/notifications?after=0' }),
  answerPush: () => json('POST', `/v1/2fa/push/${ID}`, { decision: 'approve' }),
  setRecoveryPhone: () => json('POST', '/v1/2fa/recovery-phone', { phone: '+85291234589' }),
  verifyRecoveryPhone: () => json('POST', '/v1/2fa/recovery-phone/verify', { digits: '123456' }),
  startLogin: () => json('POST', '/v1/console/logins', {}),
  getLogin: () => ({ method: 'GET', path: `/v1/console/logins/${ID}` }),
  loginPassword: () => login('password', { password: 'correct horse' }),
  loginPush: () => login('push', { authenticatorId: ID }),
  loginOtp: () => login('otp', { code: '123456' }),
  loginRecovery: () => login('recovery', { authenticatorId: ID }),
  loginRecoveryPhone: () => login('recovery/phone', { phone: '+85291234589' }),
  loginRecoveryCode: () => login('recovery/code', { digits: '123456' }),
  loginForgotPassword: () => login('forgot-password', { email: 'a@b.c' }),
  loginResetPassword: () =>
    login('forgot-password/reset', {
      digits: '123456',
      newPassword: 'battery staple',
      confirmPassword: 'battery staple',
    }),
};
