/**
 * The `details.retryAfterMs` an `otp-throttled` refusal must carry (PROTOCOL.md "Throttling"): how long until the
 * next attempt is evaluated. A refusal without it is a violation of the schedule's requirement, never read as some
 * default wait: a client told nothing cannot know when to try again.
 */
import { Violation } from '../../../kit/violation.js';
import type { Outcome } from './outcomes.js';
import type { Probe } from './server-time.js';

/** The announced wait of a throttled refusal: a violation of `ids` when it is missing or not a wait. */
export function retryAfterOf(outcome: Outcome<unknown>, ids: readonly string[], what: string): number {
  const value = outcome.ok ? undefined : outcome.details?.['retryAfterMs'];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw new Violation(
    ids,
    `${what}: otp-throttled must say how long to wait in details.retryAfterMs (milliseconds), but it was ${JSON.stringify(value) ?? 'missing'}`,
  );
}

/**
 * A throttled attempt's announced wait, which must be what remains of `delayMs` after the last failure: the server
 * read its clock somewhere within the failure's call and again within the attempt's, so anything in between holds.
 */
export function mustAnnounceWait(
  attempt: Probe<unknown>,
  lastFailure: { readonly lo: number; readonly hi: number },
  delayMs: number,
  ids: readonly string[],
  what: string,
): void {
  const retry = retryAfterOf(attempt.outcome, ids, what);
  const [least, most] = [delayMs - (attempt.after - lastFailure.lo), delayMs - (attempt.before - lastFailure.hi)];
  if (retry >= least && retry <= most) return;
  throw new Violation(
    ids,
    `${what}: throttled with retryAfterMs ${retry}; a ${delayMs / 1000} s wait after the last failure leaves ${least}..${most}`,
  );
}
