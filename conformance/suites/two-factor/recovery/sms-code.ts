/**
 * The SMS code of a login under recovery: "Send SMS" with its 5-minute countdown, submitting digits, sampling 40
 * resends for randomness (REC-13), guessing until throttled (REC-15) and the right digits at 4:59.999 (REC-06).
 */
import { Violation } from '../../../kit/violation.js';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import type { LoginUnderWay, SentCode } from '../common/actors.js';
import {
  attempt,
  inLastMillisecond,
  mustPass,
  mustRefuse,
  said,
  verifyCountdown,
  verifySmsAnnounced,
} from '../common/support.js';
import { FREE_FAILURES } from '../common/otp-model.js';
import { PHONE, smsTo } from './recovery-phone.js';
import { typedAtLogin } from '../common/used-codes.js';

/** The send limit's most per login in 10 minutes (PROTOCOL.md, Send limit), times the logins sampled: 40 codes. */
const SENDS_PER_LOGIN = 5;
const SAMPLED_LOGINS = 8;

/** "Send SMS": a fresh code, shown by its letters with a 5-minute countdown. */
export async function send(r: LoginUnderWay): Promise<{ login: Login; sms: SentCode }> {
  const probe = await r.time.probe(() =>
    r.desk.call('loginRecoveryPhone', { params: { loginId: r.loginId }, body: { phone: PHONE } }),
  );
  if (!probe.outcome.ok) throw new Violation(['REC-05'], `the registered number was refused: ${said(probe.outcome)}`);
  const login = probe.outcome.value;
  const sms = await smsTo(r.outbox, PHONE, ['REC-05']);
  const code = login.code;
  if (login.state !== 'recovery-code' || code?.channel !== 'sms' || code.letters !== sms.letters) {
    throw new Violation(
      ['REC-05'],
      `after sending, the login is at ${login.state} showing ${JSON.stringify(code)}, the SMS says ${sms.letters}`,
    );
  }
  verifySmsAnnounced(code, probe, ['REC-06'], 'the login after sending');
  return { login, sms };
}

/** The SMS digits typed at the login, recorded in its history. */
export const submit = (r: LoginUnderWay, digits: string) =>
  typedAtLogin(r, 'sms', digits, (typed) =>
    r.desk.call('loginRecoveryCode', { params: { loginId: r.loginId }, body: { digits: typed } }),
  );

/**
 * Codes of 6 random digits: 40 codes are distinct, and every digit varies (REC-13). The send limit (REC-17) lets
 * one login send 5 codes within 10 minutes, so they come from 8 more logins recovering `authenticatorId`.
 */
export async function sampleCodes(r: LoginUnderWay, authenticatorId: string): Promise<void> {
  const digits: string[] = [];
  for (let login = 0; login < SAMPLED_LOGINS; login++) {
    const { loginId } = await r.desk.call('startLogin', { body: {} });
    await r.desk.call('loginRecovery', { params: { loginId }, body: { authenticatorId } });
    for (let i = 0; i < SENDS_PER_LOGIN; i++) digits.push((await send({ ...r, loginId })).sms.digits);
  }
  const repeats = digits.length - new Set(digits).size;
  const fixed = [0, 1, 2, 3, 4, 5].filter((p) => new Set(digits.map((d) => d[p])).size === 1);
  if (repeats > 1 || fixed.length > 0)
    throw new Violation(
      ['REC-13'],
      `40 SMS codes: ${repeats} repeated, digit positions [${fixed.join()}] never change`,
    );
}

/**
 * Wrong digits are refused, and throttled within 6 tries; the wait is waited out (REC-15). Without the server's clock
 * the tries stop short of the throttle, whose 30 s wait only the clock can end: 4 failures counted with those
 * `failedBefore` (the server's count so far), then a right code.
 */
export async function guess(r: LoginUnderWay, right: string, failedBefore: number): Promise<void> {
  const wrong = right === '000000' ? '000001' : '000000';
  for (let i = 0; i < 6; i++) {
    if (!r.time.movable && failedBefore + i === FREE_FAILURES - 1) return;
    const outcome = await attempt(submit(r, wrong));
    if (outcome.ok) throw new Violation(['REC-05'], 'wrong SMS digits completed the recovery');
    if (outcome.code === 'otp-throttled')
      return await r.time.advance(Number(outcome.details?.['retryAfterMs'] ?? 30_000));
    if (outcome.code !== 'verification-code-invalid')
      throw new Violation(['REC-05'], `wrong SMS digits: ${outcome.code}`);
  }
  throw new Violation(['REC-15'], '6 wrong SMS codes in a row and the server still evaluates the next');
}

/** The right digits complete the recovery: at 4:59.999 where the clock moves, else a fresh code straight away. */
export async function rightCode(r: LoginUnderWay): Promise<Login> {
  if (r.time.movable) return lastMillisecond(r);
  const { sms } = await send(r);
  return mustPass(submit(r, sms.digits), ['REC-05'], 'the right SMS digits');
}

/** After a minute the countdown shows 4 minutes left, and at 5:00.000 the code is refused. */
export async function expiresAfterFiveMinutes(r: LoginUnderWay): Promise<void> {
  const { login, sms } = await send(r);
  await r.time.advance(60_000);
  await verifyCountdown(r.desk, r.time, r.loginId, ['REC-06']);
  await r.time.moveTo(login.code?.expiresAt ?? 0);
  await verifyCountdown(r.desk, r.time, r.loginId, ['REC-06']);
  await mustRefuse(submit(r, sms.digits), ['verification-code-expired'], ['REC-06'], 'the SMS code at 5:00.000');
}

const lastMillisecond = (r: LoginUnderWay): Promise<Login> =>
  inLastMillisecond(
    r.time,
    async () => {
      const { login, sms } = await send(r);
      return { expiresAt: login.code?.expiresAt ?? 0, digits: sms.digits };
    },
    (digits) => submit(r, digits),
    {
      requirement: 'REC-06',
      acceptedLate: 'an SMS code was accepted after its 5 minutes',
      inTime: 'the SMS code at 4:59.999',
      end: '5:00.000',
    },
  );
