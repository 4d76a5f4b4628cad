/** The server reads time only through a Clock, so tests and simulations can drive it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The server's clock when started for conformance testing: an underlying clock (the wall clock) plus an offset a
 * kit sets through the protocol (`PUT /v1/console/conformance/clock`). Off, the offset stays 0 and nothing sets it.
 */
export class ConformanceClock implements Clock {
  private offset = 0;

  constructor(private readonly base: Clock = systemClock) {}

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
