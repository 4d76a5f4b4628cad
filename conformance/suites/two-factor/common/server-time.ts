/**
 * The server's time as a 2FA check sees it: moved forward on a controlled target, read back around every call, and
 * put back where the check found it.
 */
import type { TargetClock, TargetSession } from '../../../targets/target.js';
import { attempt, type Outcome } from './outcomes.js';
import { REASONS } from '../../../kit/applies.js';

/** A call and the server's clock read just before and just after it: the server read its time in between. */
export interface Probe<T> {
  readonly before: number;
  readonly after: number;
  readonly outcome: Outcome<T>;
}

/**
 * The server's time. Where the target offers its clock, that clock moves on with the wall clock (the reference
 * target's does), so no call lands on an exact millisecond: a check aims (say at 4:59.999) and judges by the
 * readings around the call. A call that starts and ends in the same millisecond hit it exactly; one that crosses an
 * edge may get either answer.
 */
export class ServerTime {
  private moved = 0;
  constructor(private readonly clock: TargetClock | undefined) {}

  static of(session: TargetSession): ServerTime {
    return new ServerTime(session.clock);
  }

  get movable(): boolean {
    return this.clock !== undefined;
  }

  now(): number {
    return this.clock ? this.clock.now() : Date.now();
  }

  advance(ms: number): void {
    if (ms <= 0) return;
    if (!this.clock) throw new Error(REASONS.clock);
    this.clock.advance(ms);
    this.moved += ms;
  }

  /** Moves forward to `target` (never back: a time already past stays past). */
  moveTo(target: number): void {
    this.advance(target - this.now());
  }

  async probe<T>(call: () => Promise<T>): Promise<Probe<T>> {
    const before = this.now();
    const outcome = await attempt(call());
    return { before, after: this.now(), outcome };
  }

  /** Puts the clock back where the check found it, for the checks that come after. */
  restore(): void {
    if (this.clock && this.moved !== 0) this.clock.advance(-this.moved);
    this.moved = 0;
  }
}
