/**
 * The running count of a live display: cells done of the run's total, by verdict, and an estimate of the time left.
 * Pure: the clock is passed in, so a test drives it without waiting.
 *
 * The estimate goes by work, not by cells: the runner starts the longest cells first (cell-weights.ts), and skipped
 * cells end at once, so the first cells to end took far longer than the last will, and a count of cells would first
 * promise too much time and then collapse. The work is the runner's weight of each cell (the run's `work`): the pace
 * is the time so far over the work of the cells that ran, and what is left is the work of the cells not yet ended.
 */
import type { PlannedWork } from '../../conformance/runner/cell-weights.js';
import type { Verdict } from '../../conformance/runner/summary-schema.js';

/**
 * The share of the run's work that must have ended since the first cell that ran before the pace is read from it:
 * the long cells end in a burst, lane after lane, and a pace read from that burst alone is far too fast.
 */
const SOUND_SHARE = 0.2;

/** Verdicts of cells that end at once, their check never run: they take nothing from the pace. */
const ENDED_AT_ONCE: ReadonlySet<Verdict> = new Set(['skipped', 'untested']);

export class RunTally {
  readonly counts: Record<Verdict, number> = { pass: 0, fail: 0, advisory: 0, skipped: 0, untested: 0, error: 0 };
  done = 0;
  /** The work of the cells ended, and of those of them that ran. */
  private ended = 0;
  private ran = 0;
  /** The time left as of the last cell's end, and when that was: between cells the estimate counts down. */
  private first: { at: number; ran: number } | undefined;
  private estimate: { readonly at: number; readonly ms: number } | undefined;

  constructor(
    readonly total: number,
    private readonly startedAt: number,
    private readonly work?: PlannedWork,
  ) {}

  /** A cell of `checkId` ended with `verdict`, at `now`. */
  add(verdict: Verdict, checkId = '', now = this.startedAt): void {
    this.counts[verdict] += 1;
    this.done += 1;
    const weight = this.work?.perCell[checkId] ?? 0;
    this.ended += weight;
    if (!ENDED_AT_ONCE.has(verdict)) {
      this.ran += weight;
      this.first ??= { at: now, ran: this.ran };
    }
    this.estimate = this.paced(now);
  }

  /**
   * Milliseconds left, once the work that ran says how fast the run goes (SOUND_SHARE of it); none before, nor
   * without the run's work, nor once the time it gave is spent: a wrong figure misleads more than none.
   */
  msLeft(now: number): number | undefined {
    if (!this.estimate || this.done >= this.total) return undefined;
    const left = this.estimate.ms - (now - this.estimate.at);
    return left > 0 ? left : undefined;
  }

  private paced(now: number): { at: number; ms: number } | undefined {
    const { work, first } = this;
    if (!work || !first || this.ran - first.ran <= work.total * SOUND_SHARE) return undefined;
    const left = Math.max(0, work.total - this.ended);
    return { at: now, ms: ((now - first.at) / (this.ran - first.ran)) * left };
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
    // A second at the least: under half a second would round to "0s left" while cells still run.
    const eta = left === undefined ? '' : ` · about ${duration(Math.max(left, 1000))} left`;
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
