/** The restore selection property through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import type { AppFault } from '../../../../conformance/spec/faults.js';
import { uiRestoreSelectionCheck } from '../../../../conformance/suites/restore/selection-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

const run = (faults: AppFault[]) => runThroughScreens(uiRestoreSelectionCheck, faults);

describe('restore-selection-screens through the screens', () => {
  it('passes against the reference app on Android and iOS', async () => {
    const { cells, verdictOf, verdict } = await run([]);
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    expect(verdictOf('RST-07')).toBe('pass');
    expect(verdictOf('RST-16')).toBe('untested');
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catches an app that restores over items still on the phone', async () => {
    const { cells, verdictOf } = await run(['restore-overwrites-present-items']);
    expect(cells.every((c) => c.verdict === 'fail')).toBe(true);
    for (const cell of cells) expect(cell.failure?.requirements).toContain('RST-07');
    expect(verdictOf('RST-07')).toBe('fail');
  }, 120_000);
});
