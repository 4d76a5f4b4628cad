/**
 * 2FA by edition (seed 000 §1.1, §2.6.1; DESIGN.md: Pro and Lite only). Home answers every 2FA call, from the
 * desktop side or the app, well-formed and authenticated or not, with `404 2fa-not-supported`, and says it has no
 * 2FA; Pro and Lite say they have it, register an authenticator and log in with its code.
 */
import { skipUnless, untestedUnless, type Check, type CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { Violation } from '../../kit/violation.js';
import { EDITIONS, type Edition } from '../../spec/editions.js';
import { offersTwoFactor } from '../../spec/versions.js';
import type { TwoFactorRouteName } from '../../spec/protocol/routes.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { registerByQr } from '../two-factor/common/actors.js';
import { codeAt, stepOf } from '../two-factor/common/totp-steps.js';
import { attempt, consoleOf, mustPass, said } from '../two-factor/common/support.js';
import { withTwoFactor } from '../two-factor/common/session.js';
import { kitEmail } from '../../kit/kit-names.js';

const ID = { loginId: 'AbCdEfGh12345678' };
const CODE = { code: '123456' };
const TOKEN = 'AbCdEfGh12345678AbCd';
const APP = { name: 'Pixel 7', platform: 'android' as const, installId: 'install-home-01' };

/** One well-formed call per 2FA route (the outbox is the reference server's, not 2FA's). */
const CALLS = {
  getTwoFactor: (c) => c.call('getTwoFactor'),
  createRegistration: (c) => c.call('createRegistration', { body: {} }),
  confirmRegistration: (c) =>
    c.call('confirmRegistration', { params: { registrationId: 'AbCd1234' }, body: { ...CODE, name: 'Authy' } }),
  removeAuthenticator: (c) => c.call('removeAuthenticator', { params: { authenticatorId: 'AbCd1234' } }),
  setPasswordLock: (c) =>
    c.call('setPasswordLock', { body: { password: 'correct horse 1', email: kitEmail('owner') } }),
  resetTwoFactor: (c) => c.call('resetTwoFactor', { body: CODE }),
  skipTwoFactorSetup: (c) => c.call('skipTwoFactorSetup', { body: {} }),
  registerAuthenticator: (c) => c.call('registerAuthenticator', { body: { registrationToken: TOKEN, ...APP } }),
  registerBySecret: (c) =>
    c.call('registerBySecret', { body: { username: 'admin', secret: 'JBSWY3DPEHPK3PXP', ...CODE, ...APP } }),
  getAuthenticatorSelf: (c) => c.call('getAuthenticatorSelf'),
  listNotifications: (c) => c.call('listNotifications', { query: {} }),
  answerPush: (c) => c.call('answerPush', { params: { requestId: 'AbCd1234' }, body: { decision: 'approve' } }),
  setRecoveryPhone: (c) => c.call('setRecoveryPhone', { body: { phone: '+15550100467' } }),
  verifyRecoveryPhone: (c) => c.call('verifyRecoveryPhone', { body: { digits: '123456' } }),
  startLogin: (c) => c.call('startLogin', { body: {} }),
  getLogin: (c) => c.call('getLogin', { params: ID }),
  loginPassword: (c) => c.call('loginPassword', { params: ID, body: { password: 'correct horse 1' } }),
  loginPush: (c) => c.call('loginPush', { params: ID, body: { authenticatorId: 'AbCd1234' } }),
  loginOtp: (c) => c.call('loginOtp', { params: ID, body: CODE }),
  loginRecovery: (c) => c.call('loginRecovery', { params: ID, body: { authenticatorId: 'AbCd1234' } }),
  loginRecoveryPhone: (c) => c.call('loginRecoveryPhone', { params: ID, body: { phone: '+15550100467' } }),
  loginRecoveryCode: (c) => c.call('loginRecoveryCode', { params: ID, body: { digits: '123456' } }),
  loginForgotPassword: (c) => c.call('loginForgotPassword', { params: ID, body: { email: kitEmail('owner') } }),
  loginResetPassword: (c) =>
    c.call('loginResetPassword', {
      params: ID,
      body: { digits: '123456', newPassword: 'new password 2', confirmPassword: 'new password 2' },
    }),
} as const satisfies Record<Exclude<TwoFactorRouteName, 'listOutbox'>, (client: MbsClient) => Promise<unknown>>;

export const homeRefusesCheck: Check = {
  id: 'editions-home-refuses-2fa',
  title: 'Home has no 2FA: every 2FA call, from the desktop or the app, is refused with 2fa-not-supported',
  area: 'EDN',
  requirements: ['EDN-04'],
  scope: 'server',
  tags: ['2fa'],
  applies: (column) => skipUnless(!EDITIONS[column.edition].twoFactor, 'checks an edition without 2FA (Home)'),
  run: ({ session }: CheckContext) =>
    checkOnce(async () => {
      const anonymous = new MbsClient({ baseUrl: session.url });
      const keyed = new MbsClient({ baseUrl: session.url, authenticatorKey: 'AbCdEfGh12345678AbCdEfGh' });
      const clients = [anonymous, keyed, ...(session.console ? [session.console] : [])];
      const info = await anonymous.call('getInfo');
      if (info.twoFactor) throw new Violation(['EDN-04'], 'the Home server says it offers 2FA');
      for (const [name, call] of Object.entries(CALLS) as [string, (client: MbsClient) => Promise<unknown>][]) {
        for (const client of clients) {
          const outcome = await attempt(call(client));
          if (outcome.ok || outcome.code !== '2fa-not-supported')
            throw new Violation(['EDN-04'], `${name} on Home: ${said(outcome)}, not 2fa-not-supported`);
        }
      }
    }),
};

function offersCheck(edition: Edition, requirement: string): Check {
  const { label } = EDITIONS[edition];
  return {
    id: `editions-${edition}-offers-2fa`,
    title: `${label} offers 2FA from desktop 4.3.0.0: an authenticator registers and its code logs in`,
    area: 'EDN',
    requirements: [requirement, 'EDN-05'],
    scope: 'server',
    exclusive: true,
    tags: ['2fa'],
    applies: (column, session) =>
      column.edition !== edition
        ? { applies: false, reason: `checks the ${label} edition` }
        : untestedUnless(
            session.console !== undefined,
            'needs the console key (--console-key) to register an authenticator',
          ),
    run: async (context: CheckContext) => {
      const info = await new MbsClient({ baseUrl: context.session.url }).call('getInfo');
      // EDN-05: the version the server states decides; every version since 4.3.0.0 offers 2FA. Judged before the
      // 2FA state is settled for the check: a server that says it has no 2FA has none to settle.
      const offered = offersTwoFactor(edition, info.desktopVersion);
      if (!offered || !info.twoFactor) {
        return checkOnce(async () => {
          if (offered) {
            throw new Violation(
              [requirement, 'EDN-05'],
              `the ${label} server ${info.desktopVersion} says it has no 2FA`,
            );
          }
          if (info.twoFactor) {
            throw new Violation(['EDN-05'], `desktop ${info.desktopVersion} (before 4.3.0.0) says it offers 2FA`);
          }
        });
      }
      return withTwoFactor(context, (desk, time) =>
        checkOnce(async () => {
          const a = await mustPass(
            registerByQr(consoleOf(context.session), context.session.url, 'Edition phone'),
            [requirement],
            'registering',
          );
          const login = await desk.call('startLogin', { body: {} });
          const code = codeAt(a.secret, stepOf(time.now()));
          const done = await mustPass(
            desk.call('loginOtp', { params: { loginId: login.loginId }, body: { code } }),
            [requirement],
            'a code',
          );
          if (login.state !== 'choose-method' || done.state !== 'logged-in')
            throw new Violation([requirement], `the login went ${login.state} → ${done.state}`);
        }),
      );
    },
  };
}

export const editionOffersChecks: readonly Check[] = [offersCheck('pro', 'EDN-01'), offersCheck('lite', 'EDN-02')];
