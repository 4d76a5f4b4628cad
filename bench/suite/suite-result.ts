/**
 * bench:suite's figures for one run and its BENCH_RESULT line, apart from the timing so that they can be tested:
 * the sequences per property a run actually used (a smoke run's own count, as its summary says, else what was asked
 * for, else `mbsc run`'s default for that mode), never a default printed in its place.
 */
import type { Summary } from '../../conformance/runner/summary-schema.js';
import { SMOKE_RUNS } from '../../conformance/runner/smoke-cells.js';
import type { TimedCommand } from '../timed-cli.js';

export const GOALS = { full: 30, smoke: 5 } as const;
export type Mode = keyof typeof GOALS;

/** `mbsc run`'s sequences per property without `--runs`. */
const FULL_RUNS = 100;

export interface SuiteRun {
  readonly mode: Mode;
  readonly run: TimedCommand;
  readonly summary: Summary | undefined;
}

export const cellsOf = (s: Summary | undefined) => s?.checks.reduce((n, c) => n + c.cells.length, 0) ?? 0;

/** The sequences per property a run used: its summary's smoke count, else `--runs`, else the mode's default. */
export function runsOf({ mode, summary }: Pick<SuiteRun, 'mode' | 'summary'>, asked: number | undefined): number {
  return summary?.smoke?.runs ?? asked ?? (mode === 'smoke' ? SMOKE_RUNS : FULL_RUNS);
}

/**
 * The BENCH_RESULT object. Its top-level `runs` is the sequences per property the runs used: one number when they
 * all used the same, else one per mode (a smoke run and a full run, by default 10 and 100).
 */
export function benchResult(results: readonly SuiteRun[], asked: number | undefined) {
  const byMode = Object.fromEntries(results.map((r) => [r.mode, runsOf(r, asked)])) as Partial<Record<Mode, number>>;
  const used = [...new Set(Object.values(byMode))];
  return {
    bench: 'suite',
    runs: used.length === 1 ? (used[0] as number) : byMode,
    results: results.map((r) => ({
      mode: r.mode,
      cells: cellsOf(r.summary),
      runs: runsOf(r, asked),
      verdict: r.summary?.verdict ?? null,
      wallSeconds: r.run.wallSeconds,
      cpuSeconds: r.run.cpuSeconds,
      goalSeconds: GOALS[r.mode],
      wallRatio: r.run.wallSeconds / GOALS[r.mode],
    })),
  };
}
