/** The restore run-conditions property through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiRestoreConditionsCheck } from '../../../../conformance/suites/run-conditions/restore-held-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

describe('run-conditions-restore-screens through the screens', () => {
  it('passes against the reference app on Android and iOS', async () => {
    const { cells, verdictOf, verdict } = await runThroughScreens(uiRestoreConditionsCheck, []);
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    for (const id of ['RUN-01', 'RUN-05', 'RUN-14']) expect(verdictOf(id)).toBe('pass');
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catches an app that holds a restore for backup while charging only', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiRestoreConditionsCheck, ['restore-held-by-charging-only']);
    expect(cells.map((c) => [c.verdict, c.failure?.requirements])).toEqual([
      ['fail', ['RUN-14']],
      ['fail', ['RUN-14']],
    ]);
    expect(verdictOf('RUN-14')).toBe('fail');
    // The check stopped at its finding: what it never reached reads untested, not pass.
    expect(verdictOf('RUN-05')).toBe('untested');
  }, 120_000);
});
