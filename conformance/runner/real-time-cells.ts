/**
 * How the runner treats the checks that wait lifetimes out in real time (`Check.realTime`) and the partial cells
 * they complete. Under `--real-time`, on a target without the clock, they run; with the clock they are not needed
 * (the clock checks the same rules at their exact edges); without either their rules read untested, saying
 * `--real-time` would check them.
 *
 * Scheduling: they start together, after every other cell of the edition, and nothing else runs beside them. So
 * the run waits about the longest lifetime (10 minutes), not the sum, and no wait holds another check back. They
 * share the server's 2FA state only with each other, and each keeps to its own authenticators, logins, tokens and
 * phone numbers; a throttle is per kind for the whole server, so each kind has one real-time check that guesses it
 * (see the checks' comments for how the one kind two of them use, SMS codes, stays apart in time).
 */
import type { Applicability, Check } from '../kit/check.js';
import { REAL_TIME_REASONS } from '../kit/real-time.js';
import { REASONS } from '../kit/applies.js';
import type { TargetSession } from '../targets/target.js';
import type { Cell } from './summary-schema.js';

/** Whether a real-time check runs here; undefined for any other check. */
export function realTimeApplicability(
  check: Check,
  session: Pick<TargetSession, 'clock'>,
  realTime: boolean,
): Applicability | undefined {
  if (!check.realTime) return undefined;
  if (session.clock) return { applies: false, reason: REAL_TIME_REASONS.withClock };
  if (!realTime) return { applies: false, reason: REAL_TIME_REASONS.notAsked, untested: true };
  return undefined;
}

/** The run's cells in the order they run: exclusive ones alone, then a pool, then the real-time ones together. */
export function phasesOf<T extends { readonly check: Check }>(
  tasks: readonly T[],
): { alone: T[]; pooled: T[]; together: T[] } {
  const together = tasks.filter((t) => t.check.realTime);
  const rest = tasks.filter((t) => !t.check.realTime);
  return { alone: rest.filter((t) => t.check.exclusive), pooled: rest.filter((t) => !t.check.exclusive), together };
}

/** The requirements some real-time check among `checks` covers. */
export function realTimeCovered(checks: readonly Check[]): Set<string> {
  return new Set(checks.filter((c) => c.realTime).flatMap((c) => c.requirements));
}

/**
 * What a cell that ran without the clock left unchecked, and why, requirement by requirement: a rule a real-time
 * check of this run covers reads "needs the conformance clock (or --real-time)"; the others the check's own reason.
 */
export function uncheckedOf(
  check: Check,
  session: Pick<TargetSession, 'clock' | 'clockLack'>,
  covered: ReadonlySet<string>,
): Cell['unchecked'] {
  const requirements = session.clock ? [] : [...(check.requirementsWithout?.clock ?? [])];
  if (requirements.length === 0) return undefined;
  // A server whose clock was found wanting says so in place of the general reason.
  const own = check.requirementsWithout?.reason ?? session.clockLack ?? REASONS.clock;
  const reasons = Object.fromEntries(
    requirements.map((id) => [id, covered.has(id) ? REAL_TIME_REASONS.notAsked : own]),
  );
  const distinct = new Set(Object.values(reasons));
  const reason = distinct.size === 1 ? ([...distinct][0] as string) : own;
  return { requirements, reason, ...(distinct.size > 1 ? { reasons } : {}) };
}
