/**
 * A verification code's time as the 2FA checks judge it: the right digits accepted in the code's last millisecond,
 * and the login's countdown showing the time the code has left.
 */
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { Violation } from '../../../kit/violation.js';
import { ClientError } from '../../../spec/errors.js';
import type { CodeSent } from '../../../spec/protocol/two-factor.js';
import type { Probe, ServerTime } from './server-time.js';

/** PROTOCOL.md: an SMS code, of "Unable to login" or verifying a recovery phone, is valid 5 minutes. */
const SMS_LIFETIME_MS = 5 * 60_000;

/** What a verification code's last millisecond tests, in words for the failures. */
export interface LastMillisecond {
  readonly requirement: string;
  /** e.g. `an SMS code was accepted after its 5 minutes` */
  readonly acceptedLate: string;
  /** e.g. `the SMS code at 4:59.999` */
  readonly inTime: string;
  /** e.g. `5:00.000` */
  readonly end: string;
}

/**
 * The right digits in a code's last millisecond are accepted. A call that crossed its end (a slow one) is tried
 * again with a new code from `send`, aiming earlier: twice as early, or twice the last call's round trip, whichever is
 * more (on a frozen clock a round trip reads 0). A server too slow for any call to land in time leaves the edge
 * unjudged: the kit's `deadline-out-of-reach`, never a finding.
 */
export async function inLastMillisecond<T>(
  time: ServerTime,
  send: () => Promise<{ readonly expiresAt: number; readonly digits: string }>,
  submit: (digits: string) => Promise<T>,
  rule: LastMillisecond,
): Promise<T> {
  let early = 1;
  let aimed = early;
  for (let tries = 0; tries < 8; tries += 1) {
    aimed = early;
    const { expiresAt, digits } = await send();
    await time.moveTo(expiresAt - early);
    const probe = await time.probe(() => submit(digits));
    if (probe.outcome.ok && probe.before >= expiresAt) throw new Violation([rule.requirement], rule.acceptedLate);
    if (probe.outcome.ok) return probe.outcome.value;
    if (probe.outcome.code !== 'verification-code-expired' || probe.after < expiresAt) {
      throw new Violation([rule.requirement], `${rule.inTime} was refused: ${probe.outcome.code}`);
    }
    early = Math.max(2 * early, 2 * (probe.after - probe.before));
  }
  throw new ClientError('deadline-out-of-reach', `no call landed before ${rule.end}, even aiming ${aimed} ms early`);
}

/**
 * The login's code countdown, read now, must be the code's time left (0 once expired): the screen counts down,
 * not just shows the lifetime it started with.
 */
export async function verifyCountdown(desk: MbsClient, time: ServerTime, loginId: string, ids: readonly string[]) {
  const probe = await time.probe(() => desk.call('getLogin', { params: { loginId } }));
  const code = probe.outcome.ok ? probe.outcome.value.code : undefined;
  if (!code)
    throw new Violation(
      ids,
      `the login shows no code: ${probe.outcome.ok ? probe.outcome.value.state : probe.outcome.code}`,
    );
  const lo = Math.max(0, code.expiresAt - probe.after);
  const hi = Math.max(0, code.expiresAt - probe.before);
  if (code.remainingMs < lo || code.remainingMs > hi) {
    throw new Violation(ids, `the code's countdown shows ${code.remainingMs} ms, it has ${lo}..${hi} ms left`);
  }
}

/**
 * An SMS code as an answer announces it (`what` names the answer): sent by SMS, expiring 5 minutes after it was sent,
 * and counting down the time it had left while the call that `probe` read the clock around was answered.
 */
export function verifySmsAnnounced(
  code: CodeSent,
  probe: Pick<Probe<unknown>, 'before' | 'after'>,
  ids: readonly string[],
  what: string,
): void {
  const lo = code.expiresAt - probe.after;
  const hi = code.expiresAt - probe.before;
  if (
    code.channel !== 'sms' ||
    code.expiresAt - code.sentAt !== SMS_LIFETIME_MS ||
    code.remainingMs < lo ||
    code.remainingMs > hi
  ) {
    throw new Violation(
      ids,
      `${what}: ${code.channel} sent ${code.sentAt}, expires ${code.expiresAt}, counting down ${code.remainingMs} ms` +
        ` (${lo}..${hi} ms left): not an SMS code of 5 minutes`,
    );
  }
}
