/**
 * How the step of wrong guesses sent at once judges: against a kind of guess kept in memory, counted the honest way
 * or in one of the ways a server reading its count, awaiting, then writing goes wrong. An honest server passes
 * whether it judges the free failures of a burst or fewer; one that judges the whole burst fails on that, and one
 * that judges no more than the free failures but writes the count it read plus one fails on the right guess after.
 * An answer lost on the way is the kit's error, not a finding.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MbsError } from '../../../../../conformance/spec/errors.js';
import { Violation } from '../../../../../conformance/kit/violation.js';
import { BURST, guessedAtOnce } from '../../../../../conformance/suites/two-factor/common/throttle-at-once.js';
import { ServerTime } from '../../../../../conformance/suites/two-factor/common/server-time.js';
import { FIRST_DELAY_MS, FREE_FAILURES } from '../../../../../conformance/suites/two-factor/common/otp-model.js';

interface Counting {
  /** Awaits between reading the count and writing it. */
  readonly roundTrip?: true;
  /** Writes the count read plus one, not one more than the count is by then. */
  readonly lostWrites?: true;
  /** Guesses let in at once at most (the rest throttled); default: no limit. */
  readonly inFlight?: number;
  /** The answer to the first wrong guess never comes back. */
  readonly losesAnAnswer?: true;
}

/** One kind of guess on a server clock the kit moves: 5 failures free, then 30 s after the last. */
function kindOfGuess(counting: Counting) {
  let [now, count, last, running, lost] = [1_000_000, 0, 0, 0, false];
  const time = new ServerTime({
    now: () => now,
    advance: (ms: number) => Promise.resolve(void (now += ms)),
  });
  const guess = async (right: boolean) => {
    const read = count;
    const wait = read >= FREE_FAILURES ? last + FIRST_DELAY_MS - now : 0;
    if (wait > 0 || running >= (counting.inFlight ?? BURST))
      throw new MbsError('otp-throttled', undefined, { retryAfterMs: Math.max(wait, 0) });
    running++;
    if (counting.roundTrip) await sleep(2);
    running--;
    if (counting.losesAnAnswer && !lost) {
      lost = true;
      throw new Error('socket hang up');
    }
    if (right) return void (count = 0);
    [count, last] = [counting.lostWrites ? read + 1 : count + 1, now];
    throw new MbsError('otp-invalid');
  };
  const g = {
    requirement: 'TOTP-18',
    what: 'one-time password',
    refusal: 'otp-invalid' as const,
    wrong: () => guess(false),
    right: () => guess(true),
  };
  return { time, g };
}

const judged = async (counting: Counting) => {
  const { time, g } = kindOfGuess(counting);
  return guessedAtOnce(time, g);
};

describe('wrong guesses sent at once', () => {
  it('pass a server that judges them one after another', async () => {
    await expect(judged({})).resolves.toBeUndefined();
  });

  it('pass a server that lets fewer than the free failures in at once and counts each', async () => {
    await expect(judged({ roundTrip: true, inFlight: 3 })).resolves.toBeUndefined();
  });

  it('fail a server that reads, awaits and writes, on the whole burst judged', async () => {
    await expect(judged({ roundTrip: true, lostWrites: true })).rejects.toThrow(
      new Violation(
        ['TOTP-18'],
        `${BURST} wrong one-time passwords sent at once with no failure counted: ${BURST} were judged (otp-invalid), but only 5 failures are free; the rest must wait (otp-throttled)`,
      ),
    );
  });

  it('fail a server that lets in no more than the free failures but loses their counts', async () => {
    const found = judged({ roundTrip: true, lostWrites: true, inFlight: FREE_FAILURES });
    await expect(found).rejects.toBeInstanceOf(Violation);
    await expect(found).rejects.toThrow(/5 judged and 0 more .*: the right one-time password was answered accepted/);
  });

  it("reads an answer that never came as the kit's error, not a finding", async () => {
    const found = judged({ roundTrip: true, inFlight: FREE_FAILURES, losesAnAnswer: true });
    await expect(found).rejects.toThrow('socket hang up');
    await expect(found).rejects.not.toBeInstanceOf(Violation);
  });
});
