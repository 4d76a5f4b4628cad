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
  constructor(
    private readonly clock: TargetClock | undefined,
    /** Why the session has no clock of the server, when it has none. */
    private readonly lack?: string,
  ) {}

  static of(session: TargetSession): ServerTime {
    return new ServerTime(session.clock, session.clockLack);
  }

  /** Where `now()` reads the time: said beside any reading a failure reports, since a wrong source explains it. */
  get source(): string {
    if (this.clock?.frozenAtMs !== undefined) return "the server's frozen conformance clock, as the kit moved it";
    if (this.clock) return "the server's conformance clock, from this machine's clock and the offset the kit set";
    return `this machine's clock: the kit has no clock of the server (${this.lack ?? REASONS.clock})`;
  }

  get movable(): boolean {
    return this.clock !== undefined;
  }

  /**
   * How far a reading may be from the server's own: none on a frozen clock, which the kit reads as it set it; up to
   * a second on a running one, read from this machine's clock and a skew measured once across a round trip.
   */
  get slackMs(): number {
    return this.clock?.frozenAtMs !== undefined ? 0 : 1000;
  }

  now(): number {
    return this.clock ? this.clock.now() : Date.now();
  }

  async advance(ms: number): Promise<void> {
    if (ms <= 0) return;
    if (!this.clock) throw new Error(REASONS.clock);
    await this.clock.advance(ms);
    this.moved += ms;
  }

  /** Moves forward to `target` (never back: a time already past stays past). */
  async moveTo(target: number): Promise<void> {
    await this.advance(target - this.now());
  }

  async probe<T>(call: () => Promise<T>): Promise<Probe<T>> {
    const before = this.now();
    const outcome = await attempt(call());
    return { before, after: this.now(), outcome };
  }

  /** Puts the clock back where the check found it, for the checks that come after. */
  async restore(): Promise<void> {
    const moved = this.moved;
    this.moved = 0;
    if (this.clock && moved !== 0) await this.clock.advance(-moved);
  }
}
