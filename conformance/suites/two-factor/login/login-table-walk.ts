/**
 * The login's state machine, walked from the table PROTOCOL.md renders (conformance/spec/protocol/login-table.ts):
 * through password, forgot-password, choose-method, push-wait, push-rejected and logged-in, then a second login through
 * "Unable to login": recovery-phone, recovery-code, the phone number again (a resend), a switch back to push, and
 * recovery again to logged-in with the SMS code. Each step must land where the table says, and in each state every
 * action the table does not allow must be `login-state` naming the state, and change nothing. Nothing here needs the
 * server's clock; the SMS codes come from the outbox (a server without one skips the check with the reason).
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { where } from '../../../kit/applies.js';
import { Violation } from '../../../kit/violation.js';
import { LOGIN_ACTIONS, LOGIN_NEXT, loginAllows, type LoginAction } from '../../../spec/protocol/login-table.js';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { Outbox, parseSentCode, registerByQr, type ServerAuthenticator } from '../common/actors.js';
import { codeAt, stepOf } from '../common/totp-steps.js';
import { attempt, type ServerTime } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { kitEmail } from '../../../kit/kit-names.js';

const PASSWORD = 'table walk 1';
const EMAIL = kitEmail('walker');
const PHONE = '+15550100389';
const IDS = ['LOGIN-01', 'LOGIN-06', 'LOGIN-10'];

/** A well-formed request of each action: only the state may refuse it. */
function send(desk: MbsClient, loginId: string, action: LoginAction, auth: ServerAuthenticator): Promise<Login> {
  const params = { loginId };
  switch (action) {
    case 'password':
      return desk.call('loginPassword', { params, body: { password: 'not the password' } });
    case 'forgot-password':
      return desk.call('loginForgotPassword', { params, body: { email: EMAIL } });
    case 'reset-password':
      return desk.call('loginResetPassword', {
        params,
        body: { digits: '123456', newPassword: 'another one 2', confirmPassword: 'another one 2' },
      });
    case 'push':
      return desk.call('loginPush', { params, body: { authenticatorId: auth.id } });
    case 'otp':
      return desk.call('loginOtp', { params, body: { code: '000000' } });
    case 'recovery':
      return desk.call('loginRecovery', { params, body: { authenticatorId: auth.id } });
    case 'recovery-phone':
      return desk.call('loginRecoveryPhone', { params, body: { phone: '+15555550123' } });
    case 'recovery-code':
      return desk.call('loginRecoveryCode', { params, body: { digits: '123456' } });
  }
}

/** Every action the login's state does not allow is refused with login-state naming it, and changes nothing. */
async function probeRefusals(desk: MbsClient, login: Login, auth: ServerAuthenticator): Promise<void> {
  for (const action of LOGIN_ACTIONS.filter((a) => !loginAllows(login.state, a))) {
    const outcome = await attempt(send(desk, login.loginId, action, auth));
    const state = outcome.ok ? undefined : outcome.details?.['state'];
    if (outcome.ok || outcome.code !== 'login-state' || state !== login.state) {
      const got = outcome.ok ? 'accepted' : `${outcome.code} (details.state ${String(state)})`;
      throw new Violation(IDS, `${action} in state ${login.state}: ${got}; the table says 409 login-state`);
    }
    const after = await desk.call('getLogin', { params: { loginId: login.loginId } });
    if (after.state !== login.state) {
      throw new Violation(IDS, `a refused ${action} moved the login from ${login.state} to ${after.state}`);
    }
  }
}

/** An action the table allows, which must land where the table says (and on `expected` among those). */
async function step(desk: MbsClient, login: Login, action: LoginAction, next: Promise<Login>, expected: string) {
  const outcome = await attempt(next);
  if (!outcome.ok) {
    throw new Violation(
      IDS,
      `${action} in state ${login.state} was refused with ${outcome.code}; the table says ${expected}`,
    );
  }
  const moved = outcome.value;
  if (!loginAllows(login.state, action) || !LOGIN_NEXT[action].includes(moved.state) || moved.state !== expected) {
    throw new Violation(IDS, `${action} in state ${login.state} led to ${moved.state}; the table says ${expected}`);
  }
  return moved;
}

/** The code of the one SMS sent to the walk's phone since the outbox was last read. */
async function smsDigits(outbox: Outbox): Promise<string> {
  const sent = (await outbox.read()).filter((m) => m.channel === 'sms' && m.to === PHONE);
  const code = sent.length === 1 ? parseSentCode(sent[0]?.text ?? '') : undefined;
  if (!code) throw new Error(`expected one SMS with a code to ${PHONE}, the outbox has ${JSON.stringify(sent)}`);
  return code.digits;
}

/**
 * A second login, through "Unable to login" and back: the recovery states, a resend, a switch to push and back, and
 * the SMS code that logs in (discarding the device).
 */
async function walkRecovery(desk: MbsClient, auth: ServerAuthenticator): Promise<void> {
  const outbox = await Outbox.open(desk);
  await auth.client.call('setRecoveryPhone', { body: { phone: PHONE } });
  await auth.client.call('verifyRecoveryPhone', { body: { digits: await smsDigits(outbox) } });
  let login = await desk.call('startLogin', { body: {} });
  const loginId = login.loginId;
  const pass = desk.call('loginPassword', { params: { loginId }, body: { password: PASSWORD } });
  login = await step(desk, login, 'password', pass, 'choose-method');
  const phone = () => desk.call('loginRecoveryPhone', { params: { loginId }, body: { phone: PHONE } });
  for (const round of ['first', 'again'] as const) {
    login = await step(desk, login, 'recovery', send(desk, loginId, 'recovery', auth), 'recovery-phone');
    await probeRefusals(desk, login, auth);
    login = await step(desk, login, 'recovery-phone', phone(), 'recovery-code');
    await probeRefusals(desk, login, auth);
    // Only the resend's SMS is read: it voids the earlier code.
    await outbox.read();
    login = await step(desk, login, 'recovery-phone', phone(), 'recovery-code');
    if (round === 'first') login = await step(desk, login, 'push', send(desk, loginId, 'push', auth), 'push-wait');
  }
  const code = desk.call('loginRecoveryCode', { params: { loginId }, body: { digits: await smsDigits(outbox) } });
  login = await step(desk, login, 'recovery-code', code, 'logged-in');
  await probeRefusals(desk, login, auth);
}

async function walk(desk: MbsClient, url: string, time: ServerTime): Promise<void> {
  await desk.call('setPasswordLock', { body: { password: PASSWORD, email: EMAIL } });
  const auth = await registerByQr(desk, url, 'Table walker');
  let login = await desk.call('startLogin', { body: {} });
  const id = { loginId: login.loginId };
  if (login.state !== 'password') throw new Violation(IDS, `a locked login starts at ${login.state}`);
  await probeRefusals(desk, login, auth);
  login = await step(
    desk,
    login,
    'forgot-password',
    send(desk, id.loginId, 'forgot-password', auth),
    'forgot-password',
  );
  await probeRefusals(desk, login, auth);
  const pass = desk.call('loginPassword', { params: id, body: { password: PASSWORD } });
  login = await step(desk, login, 'password', pass, 'choose-method');
  await probeRefusals(desk, login, auth);
  login = await step(desk, login, 'push', send(desk, id.loginId, 'push', auth), 'push-wait');
  await probeRefusals(desk, login, auth);
  const requestId = login.push?.requestId ?? '';
  await auth.client.call('answerPush', { params: { requestId }, body: { decision: 'reject' } });
  login = await desk.call('getLogin', { params: id });
  if (login.state !== 'push-rejected') throw new Violation(IDS, `a rejected push left the login at ${login.state}`);
  await probeRefusals(desk, login, auth);
  const code = desk.call('loginOtp', { params: id, body: { code: codeAt(auth.secret, stepOf(time.now())) } });
  login = await step(desk, login, 'otp', code, 'logged-in');
  await probeRefusals(desk, login, auth);
  await walkRecovery(desk, auth);
}

export const loginTableWalkCheck: Check = {
  id: 'tfa-login-table',
  title: 'The login follows the protocol’s state table: each step lands where it says, the rest is login-state',
  area: 'LOGIN',
  requirements: IDS,
  scope: 'server',
  exclusive: true,
  tags: ['2fa'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        try {
          await walk(desk, context.session.url, time);
        } finally {
          await desk.call('setPasswordLock', { body: { password: null } });
        }
      }),
    ),
};
