/**
 * The `details.retryAfterMs` an `otp-throttled` refusal must carry (PROTOCOL.md "Throttling"): how long until the
 * next attempt is evaluated. A refusal without it is a violation of the schedule's requirement, never read as some
 * default wait: a client told nothing cannot know when to try again.
 */
import { Violation } from '../../../kit/violation.js';
import type { Outcome } from './outcomes.js';
import type { Probe } from './server-time.js';
import { MAX_DELAY_MS } from './otp-model.js';

/** The refusal's `details.retryAfterMs` when it is a wait (a finite number of milliseconds, not negative). */
function announcedWait(outcome: Outcome<unknown>): { readonly wait?: number; readonly given: unknown } {
  const given = outcome.ok ? undefined : outcome.details?.['retryAfterMs'];
  return typeof given === 'number' && Number.isFinite(given) && given >= 0 ? { wait: given, given } : { given };
}

/** The announced wait of a throttled refusal: a violation of `ids` when it is missing or not a wait. */
export function retryAfterOf(outcome: Outcome<unknown>, ids: readonly string[], what: string): number {
  const { wait, given: value } = announcedWait(outcome);
  if (wait !== undefined) return wait;
  throw new Violation(
    ids,
    `${what}: otp-throttled must say how long to wait in details.retryAfterMs (milliseconds), but it was ${JSON.stringify(value) ?? 'missing'}`,
  );
}

/**
 * How long a step that only needs to get past a throttle (a setup, a clean-up) waits it out: the announced wait, or
 * the schedule's longest when none is announced. Whether the announcement is there and right is for the checks of
 * the schedule to judge (mustAnnounceWait); a clean-up that failed on it would leave the throttle to every later
 * check and turn their verdicts into errors.
 */
export function waitToSitOut(outcome: Outcome<unknown>): number {
  return announcedWait(outcome).wait ?? MAX_DELAY_MS;
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
