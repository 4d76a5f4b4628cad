/**
 * bench:suite's BENCH_RESULT (bench/suite/suite-result.ts): its top-level `runs` is the sequences per property the
 * runs used, a smoke run's own 10 included, never the full run's default of 100 printed for a run that used 10.
 */
import { describe, expect, it } from 'vitest';
import { benchResult, type Mode, type SuiteRun } from '../../../bench/suite/suite-result.js';
import type { Summary } from '../../../conformance/runner/summary-schema.js';

const run = { args: [], exitCode: 0, wallSeconds: 10, cpuSeconds: 12, tail: '' };

function suiteRun(mode: Mode, smokeRuns?: number, withSummary = true): SuiteRun {
  const summary = {
    verdict: 'pass',
    checks: [{ cells: [{}, {}] }],
    ...(smokeRuns === undefined ? {} : { smoke: { cells: 2, of: 20, runs: smokeRuns } }),
  } as unknown as Summary;
  return { mode, run, summary: withSummary ? summary : undefined };
}

describe('the BENCH_RESULT of bench:suite', () => {
  it('gives a smoke run alone the runs it used, not the full run default', () => {
    const result = benchResult([suiteRun('smoke', 10)], undefined);
    expect(result.runs).toBe(10);
    expect(result.results[0]).toMatchObject({ mode: 'smoke', cells: 2, runs: 10 });
  });

  it('gives each mode its own runs when they differ, and one number when they agree', () => {
    expect(benchResult([suiteRun('smoke', 10), suiteRun('full')], undefined).runs).toEqual({ smoke: 10, full: 100 });
    expect(benchResult([suiteRun('smoke', 5), suiteRun('full')], 5).runs).toBe(5);
  });

  it("falls back to the mode's own default when a run left no summary", () => {
    const result = benchResult([suiteRun('smoke', undefined, false), suiteRun('full', undefined, false)], undefined);
    expect(result.results.map((r) => [r.mode, r.runs, r.cells, r.verdict])).toEqual([
      ['smoke', 10, 0, null],
      ['full', 100, 0, null],
    ]);
  });
});
