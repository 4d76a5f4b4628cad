/**
 * The password lock and "Forgot password" (seed 000 Appendix A "Password Lock forgot password"; seed 001): the
 * license e-mail address gets a code `ABCD-123456` whose e-mail states when it expires, valid 24 hours less one
 * second (through 14:22:34.999 the next day for one sent at 14:22:35.xxx: accepted at 24 h − 1 s, refused at
 * 24 h); another address gets nothing; the new password is typed twice; the code, used, is refused if typed again,
 * and typed several times at once is accepted at most once (REC-14); afterwards only the new one opens the program.
 * The e-mail, read from the server's outbox, comes from the PNS sender. Wrong passwords are throttled (last, since
 * removing the lock afterwards ends that throttle). Without the server's clock all but the code's end and its
 * countdown running on is checked, and PWL-06 and PWL-08 are left untested.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import type { TwoFactorSettings } from '../../../spec/protocol/two-factor.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { Outbox, type LoginUnderWay, type SentCode } from '../common/actors.js';
import { attempt, inLastMillisecond, mustPass, mustRefuse, verifyCountdown } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';
import { REAL_TIME_REASONS } from '../../../kit/real-time.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { presentUsedAgain } from '../common/used-codes.js';
import { codeAtOnce } from './code-at-once.js';
import { EMAIL, EMAIL_DOMAIN_IN_CAPITALS, forgot, NEW, reset } from './forgot-mail.js';

const OLD = 'old password 1';

/** The digits in the last millisecond before 24 h reset the password. */
const lastMillisecond = (f: LoginUnderWay): Promise<Login> =>
  inLastMillisecond(
    f.time,
    async () => {
      const { login, mail } = await forgot(f);
      return { expiresAt: login.code?.expiresAt ?? 0, digits: mail.digits };
    },
    (digits) => reset(f, digits),
    {
      requirement: 'PWL-06',
      acceptedLate: 'an e-mail code was accepted at 24 h',
      inTime: 'the e-mail code at 24 h − 1 s',
      end: '24 h',
    },
  );

/** After a minute the countdown has run on, and at 24 h the code is refused. */
async function expiresAfterADay(f: LoginUnderWay, login: Login, mail: SentCode): Promise<void> {
  await f.time.advance(60_000);
  await verifyCountdown(f.desk, f.time, f.loginId, ['PWL-08']);
  await f.time.moveTo(login.code?.expiresAt ?? 0);
  await verifyCountdown(f.desk, f.time, f.loginId, ['PWL-08']);
  await mustRefuse(reset(f, mail.digits), ['verification-code-expired'], ['PWL-06'], 'the e-mail code at 24 h');
}

/**
 * A used code typed again is refused (REC-14): on a login of its own, a fresh code resets the lock (to the same new
 * password) at once, and is typed again while it still lives, so that only its use can refuse it. That code is
 * asked for with the license address typed with its domain in capitals, which is the same address (PWL-03).
 */
async function usedCodeRefused(login: Omit<LoginUnderWay, 'loginId'>): Promise<void> {
  const { loginId } = await login.desk.call('startLogin', { body: {} });
  const history = new HistoryRecorder();
  const f: LoginUnderWay = { ...login, loginId, history };
  const { mail } = await forgot(f, EMAIL_DOMAIN_IN_CAPITALS);
  await mustPass(reset(f, mail.digits), ['PWL-10'], 'a fresh e-mail code');
  await presentUsedAgain(history, 'email', (digits) => reset(f, digits), 'the used e-mail code again');
}

async function password(desk: MbsClient, password: string) {
  const { loginId } = await desk.call('startLogin', { body: {} });
  return attempt(desk.call('loginPassword', { params: { loginId }, body: { password } }));
}

/** Wrong passwords are throttled within 6 tries (PWL-12). */
async function guess(desk: MbsClient): Promise<void> {
  for (let i = 0; i < 6; i++) {
    const outcome = await password(desk, `wrong guess ${i}`);
    if (outcome.ok) throw new Violation(['PWL-01'], 'a wrong password opened the program');
    if (outcome.code === 'otp-throttled') return;
  }
  throw new Violation(['PWL-12'], '6 wrong passwords in a row and the server still checks the next');
}

/**
 * Settings > Authentication shows the lock just set, as the answer that set it does: on, with the license e-mail
 * address that "Forgot password" sends to (PasswordLockStatus).
 */
async function lockShown(desk: MbsClient, answer: TwoFactorSettings['passwordLock']): Promise<void> {
  const listed = (await desk.call('getTwoFactor')).passwordLock;
  for (const [where, status] of [
    ['the answer', answer],
    ['Settings', listed],
  ] as const) {
    if (!status.set || status.email?.toLowerCase() !== EMAIL.toLowerCase())
      throw new Violation(['PWL-01'], `the password lock just set, in ${where}: ${JSON.stringify(status)}`);
  }
}

export const passwordLockCheck: Check = {
  id: 'tfa-password-lock-forgot',
  title: 'Forgot password: an e-mail code valid 24 h less 1 s, the new password twice, and only it opens',
  area: 'PWL',
  requirements: [
    'PWL-03',
    'PWL-04',
    'PWL-05',
    'PWL-06',
    'PWL-07',
    'PWL-08',
    'PWL-09',
    'PWL-10',
    'PWL-11',
    'PWL-12',
    'PWL-14',
    'PWL-16',
    'PWL-01',
    'REC-14',
  ],
  scope: 'server',
  exclusive: true,
  tags: ['2fa', 'time-travel', 'outbox'],
  // Without the clock: the code's 24 h end and its countdown running on are left unchecked.
  requirementsWithout: { clock: ['PWL-06', 'PWL-08'], reason: REAL_TIME_REASONS.tooLong },
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, async (desk, time) => {
      const outbox = await Outbox.open(desk);
      return checkOnce(async () => {
        await mustRefuse(
          desk.call('setPasswordLock', { body: { password: 'short 7', email: EMAIL } }),
          ['invalid-request'],
          ['PWL-11'],
          'a 7-character password lock',
        );
        await lockShown(desk, await desk.call('setPasswordLock', { body: { password: OLD, email: EMAIL } }));
        const { loginId } = await desk.call('startLogin', { body: {} });
        const f: LoginUnderWay = { desk, time, outbox, loginId };
        const id = { loginId };
        await mustRefuse(
          desk.call('loginForgotPassword', { params: id, body: { email: 'other@example.com' } }),
          ['email-mismatch'],
          ['PWL-04'],
          'another e-mail address',
        );
        if ((await outbox.read()).length > 0) throw new Violation(['PWL-04'], 'an e-mail went out to another address');

        const { login, mail } = await forgot(f);
        await mustRefuse(
          reset(f, mail.digits, `${NEW}x`),
          ['password-mismatch'],
          ['PWL-09'],
          'a confirmation that differs',
        );
        await mustRefuse(
          f.desk.call('loginResetPassword', {
            params: id,
            body: { digits: mail.digits, newPassword: 'short 7', confirmPassword: 'short 7' },
          }),
          ['invalid-request'],
          ['PWL-11'],
          'a new password of 7 characters',
        );
        if (time.movable) await expiresAfterADay(f, login, mail);

        const done = time.movable
          ? await lastMillisecond(f)
          : await mustPass(reset(f, mail.digits), ['PWL-10'], 'the code');
        if (done.state !== 'password')
          throw new Violation(['PWL-10'], `after the reset the login is at ${done.state}, not password`);
        await mustRefuse(
          desk.call('loginPassword', { params: id, body: { password: OLD } }),
          ['password-invalid'],
          ['PWL-10'],
          'the old password',
        );
        const opened = await mustPass(
          desk.call('loginPassword', { params: id, body: { password: NEW } }),
          ['PWL-10'],
          'the new password',
        );
        if (opened.state !== 'logged-in') throw new Violation(['PWL-10'], `the new password led to ${opened.state}`);
        await usedCodeRefused({ desk, time, outbox });
        await codeAtOnce({ desk, time, outbox });
        await guess(desk);
      });
    }),
};
