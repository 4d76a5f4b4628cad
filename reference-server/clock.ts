/** The server reads time only through a Clock, so tests and simulations can drive it. */
import { FROZEN_CLOCK_START_MS } from '../conformance/spec/protocol/conformance-clock.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The seed of a frozen server's randomness (services/randomness.ts): fixed, like the instant its clock stands at. */
export const FROZEN_RANDOMNESS_SEED = 'mbsc frozen conformance clock';

/** How the conformance clock reads time beneath its offset: the wall clock, or a fixed instant (frozen). */
export type ConformanceClockMode = 'wall' | 'frozen';

/**
 * The server's clock when started for conformance testing: an underlying clock plus an offset a kit sets through
 * the protocol (`PUT /v1/console/conformance/clock`). Off, the offset stays 0 and nothing sets it. Frozen, the
 * underlying clock is a fixed instant, so time moves only when the kit moves it: whether a request lands in a code
 * step or past a lifetime no longer depends on how fast the machine answered, and one seed replays one run.
 */
export class ConformanceClock implements Clock {
  private offset = 0;
  private readonly base: Clock;

  constructor(
    base: Clock = systemClock,
    readonly mode: ConformanceClockMode = 'wall',
  ) {
    this.base = mode === 'frozen' ? { now: () => FROZEN_CLOCK_START_MS } : base;
  }

  now(): number {
    return this.base.now() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** The protocol's schema bounds the offset; a smaller one than before moves the clock back. */
  setOffset(ms: number): void {
    this.offset = ms;
  }
}
