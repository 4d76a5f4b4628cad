/**
 * The running count of a live display: cells done of the run's total, by verdict, and an estimate of the time left
 * from the pace so far. Pure: the clock is passed in, so a test drives it without waiting.
 */
import type { Verdict } from '../../conformance/runner/summary-schema.js';

export class RunTally {
  readonly counts: Record<Verdict, number> = { pass: 0, fail: 0, advisory: 0, skipped: 0, untested: 0, error: 0 };
  done = 0;

  constructor(
    readonly total: number,
    private readonly startedAt: number,
  ) {}

  add(verdict: Verdict): void {
    this.counts[verdict] += 1;
    this.done += 1;
  }

  /**
   * Milliseconds left at the pace so far, once there is a pace to go by (a twentieth of the cells, or five
   * seconds): an early guess from a few quick cells would only mislead.
   */
  msLeft(now: number): number | undefined {
    const elapsed = now - this.startedAt;
    if (this.done === 0 || this.done >= this.total) return undefined;
    if (this.done < this.total / 20 && elapsed < 5000) return undefined;
    return (elapsed / this.done) * (this.total - this.done);
  }

  /** `[ 931/2310] 900 passed, 2 failed, 2 advisory, 27 skipped · about 1m 20s left` */
  line(now: number): string {
    const width = String(this.total).length;
    const c = this.counts;
    const parts = [`${c.pass} passed`, `${c.fail} failed`];
    if (c.advisory > 0) parts.push(`${c.advisory} advisory`);
    if (c.error > 0) parts.push(`${c.error} errored`);
    if (c.untested > 0) parts.push(`${c.untested} untested`);
    parts.push(`${c.skipped} skipped`);
    const left = this.msLeft(now);
    const eta = left === undefined ? '' : ` · about ${duration(left)} left`;
    return `[${String(this.done).padStart(width)}/${this.total}] ${parts.join(', ')}${eta}`;
  }
}

/** `45s`, `3m 05s`, `1h 02m`: the precision a person waiting needs. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
