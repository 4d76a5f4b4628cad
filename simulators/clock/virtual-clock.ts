/** A clock that moves only when told to; timers fire in due order, ties in the order they were set. */
import type { SimClock, TimerHandle } from './clock.js';

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

export class VirtualClock implements SimClock {
  private current: number;
  private nextId = 1;
  private timers: Timer[] = [];

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`Timer delay must be ≥ 0 ms, not ${delayMs}.`);
    const timer = { id: this.nextId++, due: this.current + delayMs, callback };
    // Keep timers sorted by due time, then id: firing order is deterministic.
    const at = this.timers.findIndex((t) => t.due > timer.due);
    this.timers.splice(at === -1 ? this.timers.length : at, 0, timer);
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Moves time forward by `ms`, firing each timer due on the way at its own due time. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Cannot advance by ${ms} ms.`);
    this.advanceTo(this.current + ms);
  }

  advanceTo(target: number): void {
    if (target < this.current) throw new RangeError('A virtual clock never goes back.');
    for (let fired = 0; ; fired++) {
      const next = this.timers[0];
      if (!next || next.due > target) break;
      if (fired > 1_000_000) throw new Error('More than a million timers fired in one advance: a timer loop?');
      this.timers.shift();
      this.current = next.due;
      next.callback();
    }
    this.current = target;
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.timers.length;
  }
}
