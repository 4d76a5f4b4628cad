/**
 * The one source of time for everything simulated. A virtual clock jumps: advancing 40 days runs every timer due
 * in that span, in order, and takes no wall time. A real clock adapter serves live runs with the same interface.
 */
export interface TimerHandle {
  readonly id: number;
}

export interface SimClock {
  now(): number;
  /** Runs `callback` once, `delayMs` from now. */
  setTimer(delayMs: number, callback: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
