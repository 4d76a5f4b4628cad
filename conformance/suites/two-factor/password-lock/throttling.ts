/**
 * PROTOCOL.md's throttle schedule for the password lock (PWL-12) and for the e-mail codes of "Forgot password"
 * (PWL-13), each timed step by step on the server's clock (common/timed-throttle.ts). Each kind starts from a
 * success, waiting out on the moved clock a throttle an earlier check left, so its count is 0, and runs whatever
 * became of the other, then wrong guesses of it sent at once (common/throttle-at-once.ts). Only the clock can end a wait, so without it the check is untested, as tfa-totp-throttling's waits are.
 */
import { Violation } from '../../../kit/violation.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { parseSentCode, type Outbox } from '../common/actors.js';
import { everyKind, pastThrottle, timedSchedule, timedThrottleCheck } from '../common/timed-throttle.js';
import { kitEmail } from '../../../kit/kit-names.js';
import type { Guessing } from '../common/throttle-real-time.js';
import { guessedAtOnce } from '../common/throttle-at-once.js';

const EMAIL = kitEmail('Throttled');
const PASSWORDS = ['throttled lock 1', 'throttled lock 2', 'throttled lock 3'] as const;

async function logIn(desk: MbsClient, password: string) {
  const { loginId } = await desk.call('startLogin', { body: {} });
  return desk.call('loginPassword', { params: { loginId }, body: { password } });
}

/** A login at "Forgot password" with the e-mail code sent: its id and the code's digits. */
async function forgotten(desk: MbsClient, outbox: Outbox): Promise<{ loginId: string; digits: string }> {
  const { loginId } = await desk.call('startLogin', { body: {} });
  await outbox.read();
  await desk.call('loginForgotPassword', { params: { loginId }, body: { email: EMAIL } });
  const sent = (await outbox.read()).filter((m) => m.channel === 'email' && m.to === EMAIL);
  const code = sent.length === 1 ? parseSentCode(sent[0]?.text ?? '') : undefined;
  if (!code) throw new Violation(['PWL-03'], `expected one e-mail with a code to ${EMAIL}: ${JSON.stringify(sent)}`);
  return { loginId, digits: code.digits };
}

const resetTo = (desk: MbsClient, loginId: string, digits: string, password: string) =>
  desk.call('loginResetPassword', {
    params: { loginId },
    body: { digits, newPassword: password, confirmPassword: password },
  });

/** A new login's e-mail code of "Forgot password" as a kind of guess, resetting the lock to `password`. */
async function emailCodes(desk: MbsClient, outbox: Outbox, password: string): Promise<Guessing> {
  const { loginId, digits } = await forgotten(desk, outbox);
  return {
    requirement: 'PWL-13',
    what: 'e-mail code',
    refusal: 'verification-code-invalid',
    wrong: () => resetTo(desk, loginId, digits === '000000' ? '000001' : '000000', password),
    right: () => resetTo(desk, loginId, digits, password),
  };
}

export const passwordLockThrottlingCheck = timedThrottleCheck(
  {
    id: 'tfa-password-lock-throttling',
    title: 'Passwords and e-mail codes: 5 failures free, then a 30 s wait that doubles, timed on the server clock',
    area: 'PWL',
    requirements: ['PWL-12', 'PWL-13'],
  },
  async (desk, time, outbox) => {
    try {
      await desk.call('setPasswordLock', { body: { password: PASSWORDS[0], email: EMAIL } });
      await everyKind([
        async () => {
          await pastThrottle(time, () => logIn(desk, PASSWORDS[0]));
          const passwords: Guessing = {
            requirement: 'PWL-12',
            what: 'password',
            refusal: 'password-invalid',
            wrong: () => logIn(desk, 'not the password'),
            right: () => logIn(desk, PASSWORDS[0]),
          };
          await timedSchedule(time, passwords);
          await guessedAtOnce(time, passwords);
        },
        async () => {
          const first = await forgotten(desk, outbox);
          await pastThrottle(time, () => resetTo(desk, first.loginId, first.digits, PASSWORDS[1]));
          await timedSchedule(time, await emailCodes(desk, outbox, PASSWORDS[2]));
          await guessedAtOnce(time, await emailCodes(desk, outbox, PASSWORDS[1]));
        },
      ]);
    } finally {
      await desk.call('setPasswordLock', { body: { password: null } });
    }
  },
);
