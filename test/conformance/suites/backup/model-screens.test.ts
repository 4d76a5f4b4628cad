/** The backup, resume and integrity model through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import type { AppFault } from '../../../../conformance/spec/faults.js';
import { uiBackupResumeCheck } from '../../../../conformance/suites/backup/model-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

const run = (faults: AppFault[]) => runThroughScreens(uiBackupResumeCheck, faults);

describe('backup-resume-model-screens through the screens', () => {
  it('passes against the reference app on Android and iOS', async () => {
    const { cells, verdictOf, verdict } = await run([]);
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    expect(verdictOf('BAK-03')).toBe('pass');
    expect(verdictOf('RFE-08')).toBe('pass');
    expect(verdictOf('BAK-06')).toBe('untested');
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catches an app that backs up off the backup LAN', async () => {
    const { cells, verdictOf } = await run(['backup-off-lan']);
    expect(cells.every((c) => c.verdict === 'fail')).toBe(true);
    for (const cell of cells) expect(cell.failure?.requirements).toContain('BAK-03');
    expect(verdictOf('BAK-03')).toBe('fail');
  }, 120_000);
});
