/**
 * The progress line's counts, every verdict that ran counted apart, so an error or untested cell never hides; and its
 * time left, read from the work the runner's weights give the cells, checked on a scripted run and a fake clock.
 */
import { describe, expect, it } from 'vitest';
import { RunTally } from '../../../cli/console/run-tally.js';
import type { Verdict } from '../../../conformance/runner/summary-schema.js';

describe('RunTally', () => {
  it('counts errored, untested and advisory cells apart from passes and failures', () => {
    const tally = new RunTally(10, 0);
    const verdicts: Verdict[] = ['pass', 'pass', 'fail', 'advisory', 'error', 'untested', 'untested', 'skipped'];
    for (const verdict of verdicts) tally.add(verdict);
    expect(tally.line(0).split(' · ')[0]).toBe(
      '[ 8/10] 2 passed, 1 failed, 1 advisory, 1 errored, 2 untested, 1 skipped',
    );
  });

  it('leaves out the kinds no cell had, never the passes, failures or skips', () => {
    const tally = new RunTally(3, 0);
    tally.add('pass');
    expect(tally.line(0).split(' · ')[0]).toBe('[1/3] 1 passed, 0 failed, 0 skipped');
  });
});

/** A cell of the scripted run: its check, how long it takes (0: skipped, it ends at once), its runner weight. */
interface Scripted {
  readonly checkId: string;
  readonly ms: number;
}

/**
 * A run as the runner makes one: a few long model checks and many short cells, some of each skipped (an edition
 * without the feature), ordered longest first by weight and run `lanes` at a time. Each cell takes its weight's
 * seconds give or take a fifth (a fixed pattern, so the script is the same every time).
 */
function scriptedRun(lanes: number) {
  const kinds = [
    { checkId: 'model-long', weight: 60, cells: 12, skippedEvery: 3 },
    { checkId: 'model-mid', weight: 20, cells: 30, skippedEvery: 4 },
    { checkId: 'console-pages', weight: 8, cells: 40, skippedEvery: 0 },
    { checkId: 'usual', weight: 0.7, cells: 900, skippedEvery: 5 },
  ];
  const perCell = Object.fromEntries(kinds.map((k) => [k.checkId, k.weight]));
  const cells: Scripted[] = kinds.flatMap((k) =>
    Array.from({ length: k.cells }, (_, i) => ({
      checkId: k.checkId,
      ms: k.skippedEvery > 0 && i % k.skippedEvery === 0 ? 0 : k.weight * 1000 * (0.8 + ((i * 7) % 5) / 10),
    })),
  );
  const total = cells.reduce((sum, c) => sum + (perCell[c.checkId] as number), 0);
  // Each cell starts on the lane free first; its end is an event the tally hears.
  const free = Array.from({ length: lanes }, () => 0);
  const ends = cells.map((cell) => {
    const lane = free.indexOf(Math.min(...free));
    free[lane] = (free[lane] as number) + cell.ms;
    return { cell, at: free[lane] as number };
  });
  ends.sort((a, b) => a.at - b.at);
  return { ends, work: { total, perCell }, endsAt: Math.max(...free) };
}

describe('RunTally time left', () => {
  it.each([
    [2, 1.25],
    [4, 1.25],
    [12, 1.5],
  ])(
    'on %i lanes stays near the time the scripted run has left (within %f of it), where a count of cells is far off',
    (lanes, within) => {
      const { ends, work, endsAt } = scriptedRun(lanes);
      const tally = new RunTally(ends.length, 0, work);
      const ratios: number[] = [];
      let byCount = 0;
      for (const [i, { cell, at }] of ends.entries()) {
        tally.add(cell.ms === 0 ? 'skipped' : 'pass', cell.checkId, at);
        const real = endsAt - at;
        // The estimate by cells: at a quarter of them it promised several times the time left.
        if (i + 1 === Math.round(ends.length / 4)) byCount = ((at / (i + 1)) * (ends.length - i - 1)) / real;
        const left = tally.msLeft(at);
        // The last seconds are the last long cell's alone, which no estimate by work sees coming.
        if (left !== undefined && real > 10_000) ratios.push(left / real);
      }
      expect(byCount).toBeGreaterThan(5);
      expect(ratios.length).toBeGreaterThan(ends.length / 2);
      expect(Math.min(...ratios)).toBeGreaterThan(1 / within);
      expect(Math.max(...ratios)).toBeLessThan(within);
    },
  );

  it('says nothing until enough of the work ran, nor without the run’s work', () => {
    const work = { total: 100, perCell: { long: 10, short: 1 } };
    const tally = new RunTally(20, 0, work);
    tally.add('pass', 'long', 20_000);
    tally.add('skipped', 'long', 20_000);
    tally.add('pass', 'long', 30_000);
    tally.add('pass', 'long', 40_000);
    // 20 of the work ran since the first end: not yet a fifth of it.
    expect(tally.msLeft(40_000)).toBeUndefined();
    expect(tally.line(40_000)).not.toContain('left');
    tally.add('pass', 'short', 42_000);
    // 21 of the work ran in the 22 s since the first end; 59 is left (the skipped cell ended too).
    expect(tally.msLeft(42_000)).toBeCloseTo((22_000 / 21) * 59);
    const without = new RunTally(20, 0);
    for (let i = 0; i < 15; i++) without.add('pass', 'long', 1000 * i);
    expect(without.msLeft(15_000)).toBeUndefined();
  });

  it('counts down between cells to a second at the least, and says nothing once that time is spent', () => {
    const tally = new RunTally(10, 0, { total: 10, perCell: { c: 1 } });
    tally.add('pass', 'c', 10_000);
    for (const at of [12_000, 14_000, 16_000]) tally.add('pass', 'c', at);
    // 3 of the work in the 6 s since the first end; 6 left.
    expect(tally.line(16_000)).toContain('· about 12s left');
    expect(tally.line(26_000)).toContain('· about 2s left');
    // Under half a second left while cells still run: never "0s left".
    expect(tally.line(27_700)).toContain('· about 1s left');
    expect(tally.line(27_999)).toContain('· about 1s left');
    expect(tally.msLeft(28_000)).toBeUndefined();
    expect(tally.line(28_000)).not.toContain('left');
    expect(tally.msLeft(29_000)).toBeUndefined();
    tally.add('skipped', 'c', 29_000);
    expect(tally.msLeft(29_000)).toBe((19_000 / 3) * 5);
  });
});
