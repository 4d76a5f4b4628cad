/**
 * Wrong guesses sent at once (PROTOCOL.md "Throttling"): one after another, each attempt finds the failures of
 * those before; a server that reads its failure count, awaits its database, then writes lets a burst find the count
 * from before any of them failed, so every guess is judged and the count ends short. From no failures, BURST wrong
 * guesses go out before any answer. An honest server takes them in some order: at most the free failures are
 * judged as guesses (refused as wrong), and the rest wait (`otp-throttled`); fewer judged is left to the schedule's
 * other steps. Then its count must hold every failure it judged: topped up one at a time to the free failures, the
 * right guess must wait, announcing what remains of 30 s after the last failure, and once that has passed on the
 * moved clock it is taken, which resets the count for whatever runs next. An answer the kit did not get is the
 * kit's error, after what the answers it got show.
 */
import { Violation } from '../../../kit/violation.js';
import type { ErrorCode } from '../../../spec/errors.js';
import { FIRST_DELAY_MS, FREE_FAILURES } from './otp-model.js';
import { attempt, said, type ServerTime } from './support.js';
import type { Guessing } from './throttle-real-time.js';
import { mustAnnounceWait } from './retry-after.js';

/** Three more than are free, so an honest server must make some of them wait. */
export const BURST = FREE_FAILURES + 3;

/** `g`'s kind of guess must start with a count of 0: its last attempt succeeded (see pastThrottle). */
export async function guessedAtOnce(time: ServerTime, g: Guessing): Promise<void> {
  const ids = [g.requirement];
  const burst = `${BURST} wrong ${g.what}s sent at once with no failure counted`;
  const before = time.now();
  const settled = await Promise.allSettled(Array.from({ length: BURST }, () => attempt(g.wrong())));
  let lastFailure = { lo: before, hi: time.now() };
  const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [said(s.value)] : []));
  const allowed: readonly string[] = [g.refusal, 'otp-throttled' satisfies ErrorCode];
  const odd = answers.filter((a) => !allowed.includes(a));
  if (odd.length > 0) throw new Violation(ids, `${burst}: answered ${odd.join(', ')}, not ${allowed.join(' or ')}`);
  const judged = answers.filter((a) => a === g.refusal).length;
  if (judged > FREE_FAILURES) {
    throw new Violation(
      ids,
      `${burst}: ${judged} were judged (${g.refusal}), but only ${FREE_FAILURES} failures are free; the rest must wait (otp-throttled)`,
    );
  }
  const lost = settled.find((s) => s.status === 'rejected');
  if (lost) throw lost.reason;
  for (let i = judged + 1; i <= FREE_FAILURES; i++) {
    const probe = await time.probe(g.wrong);
    const got = said(probe.outcome);
    if (got !== g.refusal) {
      const why = `failure ${i} of ${FREE_FAILURES} (free), after ${judged} judged of ${burst}`;
      throw new Violation(ids, `${why}: a wrong ${g.what} was answered ${got}, not ${g.refusal}`);
    }
    lastFailure = { lo: probe.before, hi: probe.after };
  }
  const counted = `after ${burst}, ${judged} judged and ${FREE_FAILURES - judged} more one at a time`;
  const inWait = await time.probe(g.right);
  if (said(inWait.outcome) !== 'otp-throttled') {
    throw new Violation(
      ids,
      `${counted}: the right ${g.what} was answered ${said(inWait.outcome)}, not otp-throttled: failures went uncounted`,
    );
  }
  mustAnnounceWait(inWait, lastFailure, FIRST_DELAY_MS, ids, `${counted}, the right ${g.what} in the 30 s wait`);
  await time.moveTo(lastFailure.hi + FIRST_DELAY_MS);
  const over = await attempt(g.right());
  if (!over.ok) throw new Violation(ids, `${counted}, the right ${g.what} once the 30 s wait was over: ${said(over)}`);
}
