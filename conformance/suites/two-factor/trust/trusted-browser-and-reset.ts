/**
 * Seed 002: "Trust this browser" lets later logins from that browser skip the one-time code (not the password
 * lock), while other logins still ask; resetting the 2FA settings needs a valid one-time code, leaves everything as
 * it was with a wrong or used one, and afterwards 2FA is set up again with a new device, with every trusted browser
 * forgotten.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { registerByQr, type ServerAuthenticator } from '../common/actors.js';
import { codeAt, stepOf } from '../common/totp-steps.js';
import { attempt, mustPass, mustRefuse, said, type ServerTime } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';
import { kitEmail } from '../../../kit/kit-names.js';

/** A code of `auth` for a step later than `used` and within the window (waits a step on a movable clock). */
async function nextCode(time: ServerTime, auth: ServerAuthenticator, used: { step: number }): Promise<string> {
  if (used.step >= stepOf(time.now()) + 1) await time.moveTo(used.step * 30_000);
  used.step = Math.max(stepOf(time.now()) - 1, used.step + 1);
  return codeAt(auth.secret, used.step);
}

const PASSWORD = 'correct horse 1';

/** A new login's state, and " (trusted)" where it says a trusted browser token came with it (`trustedBrowser`). */
async function loginState(desk: MbsClient, browserToken?: string): Promise<string> {
  const login = await desk.call('startLogin', { body: browserToken ? { browserToken } : {} });
  return `${login.state}${login.trustedBrowser ? ' (trusted)' : ''}`;
}

/**
 * A reset removes every trusted browser (PROTOCOL.md): with 2FA set up again on a new device, a browser trusted
 * before it is asked for a code like any other (after the password lock, which the reset keeps).
 */
async function forgottenOnReset(
  desk: MbsClient,
  time: ServerTime,
  url: string,
  token: string,
  before: { auth: ServerAuthenticator; used: { step: number } },
): Promise<ServerAuthenticator> {
  await desk.call('resetTwoFactor', { body: { code: await nextCode(time, before.auth, before.used) } });
  const fresh = await registerByQr(desk, url, 'Phone after the reset');
  const state = await pastPassword(desk, token);
  if (state !== 'choose-method')
    throw new Violation(['LOGIN-12'], `a browser trusted before the 2FA reset led the login to ${state}`);
  return fresh;
}

/** A login with `token`, past the password lock the check set: where it then is. */
async function pastPassword(desk: MbsClient, token: string): Promise<string> {
  const login = await desk.call('startLogin', { body: { browserToken: token } });
  if (login.state !== 'password') return login.state;
  return (await desk.call('loginPassword', { params: { loginId: login.loginId }, body: { password: PASSWORD } })).state;
}

/** PROTOCOL.md: a trusted browser skips the code for 30 days; a second before them it still does, at them not. */
async function lastsThirtyDays(desk: MbsClient, time: ServerTime, auth: ServerAuthenticator): Promise<void> {
  const used = { step: -1 };
  const issued = time.now();
  const login = await desk.call('startLogin', { body: {} });
  const { loginId } =
    login.state === 'password'
      ? await desk.call('loginPassword', { params: { loginId: login.loginId }, body: { password: PASSWORD } })
      : login;
  const trusted = await desk.call('loginOtp', {
    params: { loginId },
    body: { code: await nextCode(time, auth, used), trustBrowser: true },
  });
  const issuedBy = time.now();
  const token = trusted.trustedBrowserToken;
  if (!token) throw new Violation(['LOGIN-12'], `"Trust this browser" gave no token (${trusted.state})`);
  await time.moveTo(issued + TRUST_MS - 1000);
  const before = await pastPassword(desk, token);
  await time.moveTo(issuedBy + TRUST_MS);
  const after = await pastPassword(desk, token);
  if (before !== 'logged-in' || after !== 'choose-method')
    throw new Violation(['LOGIN-13'], `a trusted browser 1 s before its 30 days: ${before}; at them: ${after}`);
}
const TRUST_MS = 30 * 24 * 60 * 60_000;

export const trustedBrowserCheck: Check = {
  id: 'tfa-trust-browser',
  title: '"Trust this browser" skips the code on later logins from that browser only, never the password lock',
  area: 'LOGIN',
  requirements: ['LOGIN-12', 'LOGIN-13'],
  scope: 'server',
  // Without the clock no trusted browser reaches its 30 days.
  requirementsWithout: { clock: ['LOGIN-13'] },
  exclusive: true,
  tags: ['2fa'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const a = await registerByQr(desk, context.session.url, 'Trusting phone');
        const used = { step: -1 };
        const plain = await desk.call('startLogin', { body: {} });
        const untrusted = await desk.call('loginOtp', {
          params: { loginId: plain.loginId },
          body: { code: await nextCode(time, a, used) },
        });
        if (untrusted.trustedBrowserToken)
          throw new Violation(['LOGIN-12'], 'a login without "Trust this browser" got a trusted browser token');
        const login = await desk.call('startLogin', { body: {} });
        const trusted = await desk.call('loginOtp', {
          params: { loginId: login.loginId },
          body: { code: await nextCode(time, a, used), trustBrowser: true },
        });
        const token = trusted.trustedBrowserToken;
        if (trusted.state !== 'logged-in' || !token)
          throw new Violation(['LOGIN-12'], `"Trust this browser" gave no token (${trusted.state})`);
        const states = [
          await loginState(desk, token),
          await loginState(desk),
          await loginState(desk, `${token.slice(0, -4)}AAAA`),
        ];
        if (states.join() !== 'logged-in (trusted),choose-method,choose-method') {
          throw new Violation(['LOGIN-12'], `with the token, without it, with another token: ${states.join(', ')}`);
        }
        await desk.call('setPasswordLock', { body: { password: PASSWORD, email: kitEmail('owner') } });
        const locked = await desk.call('startLogin', { body: { browserToken: token } });
        if (locked.state !== 'password')
          throw new Violation(['LOGIN-12'], `a trusted browser skipped the password lock (${locked.state})`);
        const opened = await desk.call('loginPassword', {
          params: { loginId: locked.loginId },
          body: { password: PASSWORD },
        });
        if (opened.state !== 'logged-in')
          throw new Violation(['LOGIN-12'], `a trusted browser still asked for a code (${opened.state})`);
        const fresh = await forgottenOnReset(desk, time, context.session.url, token, { auth: a, used });
        if (time.movable) await lastsThirtyDays(desk, time, fresh);
      }),
    ),
};

async function settingsSummary(desk: MbsClient): Promise<string> {
  const s = await desk.call('getTwoFactor');
  return `${s.enabled}:${s.authenticators
    .map((a) => a.authenticatorId)
    .sort()
    .join(',')}`;
}

export const resetCheck: Check = {
  id: 'tfa-trust-reset-needs-code',
  title: 'Resetting 2FA needs a valid one-time code; afterwards 2FA is set up again with a new device',
  area: 'REC',
  requirements: ['REC-11', 'REC-12'],
  scope: 'server',
  exclusive: true,
  tags: ['2fa'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const { url } = context.session;
        const a = await registerByQr(desk, url, 'Lost phone');
        await registerByQr(desk, url, 'Old tablet');
        const used = { step: -1 };
        const before = await settingsSummary(desk);
        const wrong = codeAt(a.secret, stepOf(time.now()) + 5);
        await mustRefuse(
          desk.call('resetTwoFactor', { body: { code: wrong } }),
          ['otp-invalid'],
          ['REC-12'],
          'a reset with a wrong code',
        );
        const code = await nextCode(time, a, used);
        const login = await desk.call('startLogin', { body: {} });
        await desk.call('loginOtp', { params: { loginId: login.loginId }, body: { code } });
        await mustRefuse(
          desk.call('resetTwoFactor', { body: { code } }),
          ['otp-replayed', 'otp-invalid'],
          ['REC-12'],
          'a reset with a used code',
        );
        if ((await settingsSummary(desk)) !== before)
          throw new Violation(['REC-12'], 'a refused reset changed the 2FA settings');

        const reset = await mustPass(
          desk.call('resetTwoFactor', { body: { code: await nextCode(time, a, used) } }),
          ['REC-12'],
          'a reset with a valid code',
        );
        if (reset.enabled || reset.authenticators.length > 0)
          throw new Violation(
            ['REC-11'],
            `after the reset 2FA is ${reset.enabled ? 'on' : 'off'} with ${reset.authenticators.length} devices`,
          );
        const gone = await attempt(a.client.call('getAuthenticatorSelf'));
        if (gone.ok || gone.code !== 'authenticator-unauthorized')
          throw new Violation(['REC-11'], `the reset device's key still answers: ${said(gone)}`);
        if ((await loginState(desk)) !== 'logged-in')
          throw new Violation(['REC-11'], 'after the reset a login still asks for 2FA');

        const fresh = await registerByQr(desk, url, 'New phone');
        const next = await desk.call('startLogin', { body: {} });
        if (next.state !== 'choose-method')
          throw new Violation(['REC-11'], `with a new device registered the login is at ${next.state}`);
        const code2 = codeAt(fresh.secret, stepOf(time.now()));
        await mustPass(
          desk.call('loginOtp', { params: { loginId: next.loginId }, body: { code: code2 } }),
          ['REC-11'],
          "the new device's code",
        );
      }),
    ),
};
