/**
 * The desktop login's order and choices (seed 000 §1.3, §6.4.4, §11.2; seed 001 "How it works"): the password lock
 * first when set, then the choice of 2FA method; none with 2FA off; one-time passwords only when no device takes
 * push; one push option per device registered by QR code, each named; "Unable to login" on the push and code
 * screens. The codes used are the server's current ones, so the check runs on any server.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { registerByQr, registerBySecretKey, type ServerAuthenticator } from '../common/actors.js';
import { codeAt, stepOf } from '../common/totp-steps.js';
import { mustPass, mustRefuse, type ServerTime } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';
import { kitEmail } from '../../../kit/kit-names.js';

const PASSWORD = 'correct horse 1';
const EMAIL = kitEmail('owner');

const names = (refs: readonly { name: string }[] | undefined) => (refs ?? []).map((r) => r.name).join(', ');

function expectState(login: Login, state: Login['state'], ids: readonly string[], what: string): Login {
  if (login.state !== state) throw new Violation(ids, `${what}: the login is at ${login.state}, not ${state}`);
  return login;
}

async function start(desk: MbsClient): Promise<Login> {
  return desk.call('startLogin', { body: {} });
}

async function pass(desk: MbsClient, login: Login): Promise<Login> {
  return mustPass(
    desk.call('loginPassword', { params: { loginId: login.loginId }, body: { password: PASSWORD } }),
    ['PWL-01'],
    'the right password',
  );
}

/** The next code of `auth` the server has not seen: the step after `used`, while it is within the window. */
function freshCode(time: ServerTime, auth: ServerAuthenticator, used: { step: number }): string {
  used.step = Math.max(stepOf(time.now()) - 1, used.step + 1);
  return codeAt(auth.secret, used.step);
}

async function verifyLockFirst(desk: MbsClient): Promise<void> {
  const locked = expectState(await start(desk), 'password', ['LOGIN-01', 'PWL-01'], 'with a password lock');
  const id = { loginId: locked.loginId };
  await mustRefuse(
    desk.call('loginOtp', { params: id, body: { code: '123456' } }),
    ['login-state'],
    ['LOGIN-01'],
    'a code before the password',
  );
  await mustRefuse(
    desk.call('loginPassword', { params: id, body: { password: 'wrong horse 1' } }),
    ['password-invalid'],
    ['PWL-01'],
    'a wrong password',
  );
  expectState(await desk.call('getLogin', { params: id }), 'password', ['PWL-01'], 'after a wrong password');
  await mustRefuse(
    desk.call('loginForgotPassword', { params: id, body: { email: 'someone@example.net' } }),
    ['email-mismatch'],
    ['PWL-02'],
    '"Forgot password" with another address',
  );
  expectState(await pass(desk, locked), 'logged-in', ['LOGIN-03'], '2FA off, after the password');
}

/** A second push device's option sends the request to that device's app, not to the one registered before it. */
async function verifyPushGoesToChosen(desk: MbsClient, url: string, first: ServerAuthenticator): Promise<void> {
  const c = await registerByQr(desk, url, 'Galaxy A52');
  const login = await pass(desk, await start(desk));
  await desk.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId: c.id } });
  const asked = async (auth: ServerAuthenticator) =>
    (await auth.client.call('listNotifications', { query: {} })).notifications.some(
      (n) => n.loginId === login.loginId && n.status === 'pending',
    );
  if (!(await asked(c)) || (await asked(first)))
    throw new Violation(['PUSH-02'], `the push option named "${c.name}" did not ask that device alone`);
  await desk.call('removeAuthenticator', { params: { authenticatorId: c.id } });
}

export const loginStatesCheck: Check = {
  id: 'tfa-login-states',
  title: 'Login order: password lock, then the 2FA method; the methods follow the registered devices',
  area: 'LOGIN',
  requirements: [
    'LOGIN-01',
    'LOGIN-02',
    'LOGIN-03',
    'LOGIN-04',
    'LOGIN-05',
    'LOGIN-08',
    'LOGIN-09',
    'LOGIN-10',
    'LOGIN-11',
    'PWL-01',
    'PWL-02',
    'PUSH-02',
    'TFA-02',
    'TFA-04',
    'TFA-10',
  ],
  scope: 'server',
  exclusive: true,
  tags: ['2fa'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const { url } = context.session;
        expectState(await start(desk), 'logged-in', ['LOGIN-03'], '2FA off, no password lock');
        await desk.call('setPasswordLock', { body: { password: PASSWORD, email: EMAIL } });
        await verifyLockFirst(desk);

        // One-time passwords only: the code prompt, never a push wait, and it names the device.
        const a = await registerBySecretKey(desk, url, 'Pixel TOTP', time);
        const aUsed = { step: a.usedStep };
        const otpOnly = expectState(
          await pass(desk, await start(desk)),
          'otp',
          ['LOGIN-04', 'LOGIN-08', 'TFA-02'],
          'only a TOTP device',
        );
        if (names(otpOnly.methods?.otp) !== a.name || (otpOnly.methods?.push.length ?? 0) > 0) {
          throw new Violation(
            ['LOGIN-05', 'LOGIN-09', 'TFA-10'],
            `offered push [${names(otpOnly.methods?.push)}], codes [${names(otpOnly.methods?.otp)}]`,
          );
        }
        const id = { loginId: otpOnly.loginId };
        await mustRefuse(
          desk.call('loginPush', { params: id, body: { authenticatorId: a.id } }),
          ['push-unavailable'],
          ['LOGIN-08', 'TFA-10'],
          'push to a TOTP-only device',
        );
        await mustRefuse(
          desk.call('loginRecovery', { params: id, body: { authenticatorId: a.id } }),
          ['recovery-phone-missing'],
          ['LOGIN-10'],
          '"Unable to login" on the code screen',
        );
        const code = { code: freshCode(time, a, aUsed) };
        expectState(
          await mustPass(desk.call('loginOtp', { params: id, body: code }), ['LOGIN-11'], 'a fresh code'),
          'logged-in',
          ['LOGIN-11'],
          'after a valid code',
        );
        expectState(await pass(desk, await start(desk)), 'otp', ['TFA-02'], 'the login after one that took a code');

        // A device registered by QR code adds a push option, named; both make codes.
        const b = await registerByQr(desk, url, 'Redmi Note 8');
        const choose = expectState(
          await pass(desk, await start(desk)),
          'choose-method',
          ['LOGIN-01', 'LOGIN-04'],
          'a push device',
        );
        if (names(choose.methods?.push) !== b.name || names(choose.methods?.otp) !== `${a.name}, ${b.name}`) {
          throw new Violation(
            ['LOGIN-05', 'LOGIN-09', 'PUSH-02'],
            `offered push [${names(choose.methods?.push)}], codes [${names(choose.methods?.otp)}]`,
          );
        }
        const cid = { loginId: choose.loginId };
        expectState(
          await desk.call('loginPush', { params: cid, body: { authenticatorId: b.id } }),
          'push-wait',
          ['PUSH-02'],
          'push to the QR device',
        );
        await mustRefuse(
          desk.call('loginRecovery', { params: cid, body: { authenticatorId: a.id } }),
          ['recovery-phone-missing'],
          ['LOGIN-10'],
          '"Unable to login" while waiting for push',
        );

        await verifyPushGoesToChosen(desk, url, b);

        // Without the lock the login goes straight to the method; 2FA stays on for every login.
        await desk.call('setPasswordLock', { body: { password: null } });
        for (let i = 0; i < 2; i++)
          expectState(await start(desk), 'choose-method', ['LOGIN-02', 'TFA-02'], `login ${i + 1} without the lock`);
        const settings = await desk.call('getTwoFactor');
        if (!settings.enabled || settings.authenticators.length !== 2)
          throw new Violation(
            ['TFA-02', 'TFA-04'],
            `2FA enabled ${settings.enabled} with ${settings.authenticators.length} devices, not 2`,
          );

        // Each device can be removed; with none left, 2FA is off again.
        await desk.call('removeAuthenticator', { params: { authenticatorId: b.id } });
        expectState(await start(desk), 'otp', ['TFA-04', 'LOGIN-08'], 'after removing the push device');
        await desk.call('removeAuthenticator', { params: { authenticatorId: a.id } });
        expectState(await start(desk), 'logged-in', ['TFA-04', 'LOGIN-03'], 'after removing every device');
      }),
    ),
};
