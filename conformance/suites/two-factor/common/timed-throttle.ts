/**
 * PROTOCOL.md's throttle schedule for a kind of guess other than one-time passwords (the password lock, the e-mail
 * codes of "Forgot password", the SMS codes of "Unable to login"), timed step by step on the server's clock, as
 * tfa-totp-throttling times it for one-time passwords: 5 consecutive failures are free; the sixth try, right or
 * wrong, is `otp-throttled` and not evaluated, with `details.retryAfterMs` the catalogued 30 s less the time since
 * the 5th failure; 15 s after it still throttled, with 15 s announced; at 30 s a guess is evaluated again, and a
 * failure then doubles the wait to 60 s (announced as such); once that wait has passed the right guess is taken.
 */
import { Violation } from '../../../kit/violation.js';
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { where } from '../../../kit/applies.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { Outbox } from './actors.js';
import { withTwoFactor } from './session.js';
import { FIRST_DELAY_MS, FREE_FAILURES } from './otp-model.js';
import { said, type ServerTime } from './support.js';
import type { Guessing } from './throttle-real-time.js';
import { mustAnnounceWait, waitToSitOut } from './retry-after.js';

/** `g`'s kind of guess must start with a count of 0: its last attempt succeeded (see pastThrottle). */
export async function timedSchedule(time: ServerTime, g: Guessing): Promise<void> {
  const ids = [g.requirement];
  let lastFailure = { lo: 0, hi: 0 };
  const expect = async (kind: 'wrong' | 'right', want: string, why: string) => {
    const probe = await time.probe(() => (kind === 'wrong' ? g.wrong() : g.right()));
    const got = said(probe.outcome);
    if (got !== want) throw new Violation(ids, `${why}: a ${kind} ${g.what} was answered ${got}, not ${want}`);
    if (got === g.refusal) lastFailure = { lo: probe.before, hi: probe.after };
    return probe;
  };
  for (let i = 1; i <= FREE_FAILURES; i++) await expect('wrong', g.refusal, `failure ${i} of ${FREE_FAILURES} (free)`);
  const fifth = lastFailure;
  const sixth = await expect('right', 'otp-throttled', `the sixth try, after ${FREE_FAILURES} failures`);
  mustAnnounceWait(sixth, fifth, FIRST_DELAY_MS, ids, `the sixth ${g.what}, in the 30 s wait after the 5th failure`);
  await time.moveTo(fifth.hi + FIRST_DELAY_MS / 2);
  const halfway = await expect('right', 'otp-throttled', '15 s after the 5th failure');
  mustAnnounceWait(halfway, fifth, FIRST_DELAY_MS, ids, `a ${g.what} 15 s into the 30 s wait`);
  await time.moveTo(fifth.hi + FIRST_DELAY_MS);
  await expect('wrong', g.refusal, '30 s after the 5th failure, the wait over');
  const sixthFailure = lastFailure;
  await time.moveTo(sixthFailure.hi + (FIRST_DELAY_MS * 3) / 2);
  const doubled = await expect('right', 'otp-throttled', '45 s after the 6th failure (the wait doubled to 60 s)');
  mustAnnounceWait(doubled, sixthFailure, FIRST_DELAY_MS * 2, ids, `a ${g.what} 45 s into the 60 s wait`);
  await time.moveTo(sixthFailure.hi + FIRST_DELAY_MS * 2);
  await expect('right', 'accepted', '60 s after the 6th failure, the wait over');
}

/** Runs `call` until it is not throttled, waiting each throttle out on the moved clock: an earlier check's count. */
export async function pastThrottle<T>(time: ServerTime, call: () => Promise<T>): Promise<T> {
  for (let tries = 0; tries < 8; tries++) {
    const probe = await time.probe(call);
    if (probe.outcome.ok) return probe.outcome.value;
    if (probe.outcome.code !== 'otp-throttled') throw new Error(`expected a success, got ${probe.outcome.code}`);
    await time.advance(waitToSitOut(probe.outcome));
  }
  throw new Error('still throttled after waiting out 8 throttles');
}

/**
 * Runs the schedule of each kind in turn, each whatever became of the one before (the counts are per kind): a
 * kind's failure does not leave the next kind unchecked and read as passed. Fails with every kind's violation.
 */
export async function everyKind(kinds: readonly (() => Promise<void>)[]): Promise<void> {
  const broken: Violation[] = [];
  for (const kind of kinds) {
    try {
      await kind();
    } catch (error) {
      if (!(error instanceof Violation)) throw error;
      broken.push(error);
    }
  }
  if (broken.length === 1) throw broken[0];
  if (broken.length > 1) {
    throw new Violation(
      broken.flatMap((v) => v.requirements),
      broken.map((v) => v.message).join('; '),
    );
  }
}

/**
 * A check of timed schedules: it moves the shared clock and guesses kinds every client shares, so it runs alone and
 * only where the target offers its clock; the codes come from the outbox.
 */
export function timedThrottleCheck(
  declared: Pick<Check, 'id' | 'title' | 'area' | 'requirements'>,
  body: (desk: MbsClient, time: ServerTime, outbox: Outbox, context: CheckContext) => Promise<void>,
): Check {
  return {
    ...declared,
    scope: 'server',
    exclusive: true,
    tags: ['2fa', 'time-travel', 'outbox'],
    applies: where({ twoFactor: true, console: true, clock: true }),
    run: (context: CheckContext) =>
      withTwoFactor(context, async (desk, time) => {
        const outbox = await Outbox.open(desk);
        return checkOnce(() => body(desk, time, outbox, context));
      }),
  };
}
