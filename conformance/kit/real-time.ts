/**
 * Lifetimes of minutes checked in real time (`--real-time`), on a target that does not offer its clock. A check
 * cannot aim at a lifetime's last millisecond without the clock, and a busy two-core machine can hold a call back
 * for seconds, so it asks well before the end and well after it: alive at end − 20 s, gone at end + 20 s. The start
 * of a lifetime is read on the kit's clock around the call that starts it: the earlier reading for the "alive"
 * probe and the later for the "gone" one, so neither probe moves toward the edge when the call is slow.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Untestable } from './check.js';

/** How far from a lifetime's end the probes ask: far beyond any delay of a loaded machine or a clock skew. */
export const REAL_TIME_MARGIN_MS = 20_000;

/** The longest lifetime a real-time check waits out; a server that announces a longer one is not checked so. */
export const LONGEST_REAL_TIME_WAIT_MS = 15 * 60_000;

export const REAL_TIME_REASONS = {
  /** A rule the kit checks in real time when asked to, read untested until then. */
  notAsked: 'needs the conformance clock (or --real-time)',
  /** The clock checks the same rule at its exact edges: waiting in real time would add nothing. */
  withClock: 'the conformance clock checks this at its exact edges; no real-time wait is needed',
  /** A lifetime no run can wait out. */
  tooLong: 'needs the conformance clock: 24 hours is too long for real time',
} as const;

/** When to ask whether something that lives `lifetimeMs` from a start read between `before` and `after` is alive. */
export interface Probes {
  readonly aliveAt: number;
  readonly goneAt: number;
}

export function probesOf(started: { before: number; after: number }, lifetimeMs: number): Probes {
  return {
    aliveAt: started.before + lifetimeMs - REAL_TIME_MARGIN_MS,
    goneAt: started.after + lifetimeMs + REAL_TIME_MARGIN_MS,
  };
}

/**
 * Probes around an end the server announced (an `expiresAt` on its own clock, where the protocol leaves the lifetime
 * to the server); one further off than real time can wait leaves the check not applicable.
 */
export function probesAround(end: number, now: number = Date.now()): Probes {
  if (end - now > LONGEST_REAL_TIME_WAIT_MS)
    throw new Untestable(
      `the server's lifetime ends in ${Math.round((end - now) / 60_000)} minutes, longer than a real-time run waits`,
    );
  return { aliveAt: end - REAL_TIME_MARGIN_MS, goneAt: end + REAL_TIME_MARGIN_MS };
}

/** Waits on the kit's clock until `at` (at once when it has passed). */
export async function waitUntil(at: number, now: () => number = Date.now): Promise<void> {
  const left = at - now();
  if (left > 0) await sleep(left);
}

/** Runs `start` and reads the kit's clock around it. */
export async function timed<T>(start: () => Promise<T>): Promise<{ value: T; before: number; after: number }> {
  const before = Date.now();
  const value = await start();
  return { value, before, after: Date.now() };
}
