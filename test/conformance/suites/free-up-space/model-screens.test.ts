/** The free up space model through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import type { AppFault } from '../../../../conformance/spec/faults.js';
import { uiFreeUpSpaceCheck } from '../../../../conformance/suites/free-up-space/model-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

const run = (faults: AppFault[]) => runThroughScreens(uiFreeUpSpaceCheck, faults);

describe('free-up-space-model-screens through the screens', () => {
  it('passes against the reference app on Android and iOS', async () => {
    const { cells, verdictOf, verdict } = await run([]);
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    expect(verdictOf('FUS-08')).toBe('pass');
    expect(verdictOf('FUS-11')).toBe('untested');
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catches an app that frees up space beyond the limit', async () => {
    const { cells, verdictOf } = await run(['frees-beyond-limit']);
    expect(cells.every((c) => c.verdict === 'fail')).toBe(true);
    for (const cell of cells) expect(cell.failure?.requirements).toContain('FUS-08');
    expect(verdictOf('FUS-08')).toBe('fail');
  }, 120_000);
});
