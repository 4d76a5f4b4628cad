/**
 * Throttling's first wait in real time (`--real-time`): 5 wrong guesses are refused as wrong; the sixth attempt, with
 * the right code, is throttled and not evaluated; so is the right code 20 s before the 30 s wait after the last
 * failure ends; 20 s after it ends the right code is accepted, which also resets the count for whatever runs next.
 * A throttle is per kind for the whole server, so nothing else may guess this kind meanwhile (the real-time checks
 * each guess a kind of their own; see conformance/runner/real-time-cells.ts).
 */
import type { ErrorCode } from '../../../spec/errors.js';
import { probesOf, timed, waitUntil } from '../../../kit/real-time.js';
import { Violation } from '../../../kit/violation.js';
import { attempt, Untestable, said } from './support.js';
import { FREE_FAILURES } from './otp-model.js';

/** PROTOCOL.md "Throttling": the wait after the 5th consecutive failure. */
export const FIRST_WAIT_MS = 30_000;

export interface Guessing {
  readonly requirement: string;
  /** What is guessed, for messages: "one-time password", "SMS code". */
  readonly what: string;
  readonly wrong: () => Promise<unknown>;
  /** The right code, made when called (a one-time password of the step it is sent in). */
  readonly right: () => Promise<unknown>;
  /** How the server refuses a wrong guess. */
  readonly refusal: ErrorCode;
}

export async function throttledInRealTime(g: Guessing): Promise<void> {
  let last: { before: number; after: number } | undefined;
  for (let i = 0; i < FREE_FAILURES; i++) {
    const guess = await timed(() => attempt(g.wrong()));
    const outcome = guess.value;
    if (outcome.ok) throw new Violation([g.requirement], `a wrong ${g.what} was accepted`);
    if (outcome.code === 'otp-throttled')
      throw new Untestable(`the server was already throttling ${g.what}s after earlier failures`);
    if (outcome.code !== g.refusal) throw new Violation([g.requirement], `a wrong ${g.what}: ${outcome.code}`);
    last = guess;
  }
  const probes = probesOf(last as { before: number; after: number }, FIRST_WAIT_MS);
  await mustBeThrottled(g, `the sixth ${g.what} in a row`);
  await waitUntil(probes.aliveAt);
  await mustBeThrottled(g, `the right ${g.what} 20 s before the 30 s wait ends`);
  await waitUntil(probes.goneAt);
  const outcome = await attempt(g.right());
  if (!outcome.ok)
    throw new Violation([g.requirement], `the right ${g.what} 20 s after the 30 s wait ended: ${said(outcome)}`);
}

async function mustBeThrottled(g: Guessing, what: string): Promise<void> {
  const outcome = await attempt(g.right());
  if (!outcome.ok && outcome.code === 'otp-throttled') return;
  throw new Violation([g.requirement], `${what}: expected otp-throttled, but it was ${said(outcome)}`);
}
