/** The backup, resume and integrity model through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import type { AppFault } from '../../../conformance/spec/faults.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { referenceApp } from '../../../conformance/targets/app-under-test.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { uiBackupResumeCheck } from '../../../conformance/suites/backup-screens.js';
import { loadProfile } from '../../../devices/load-profiles.js';

async function run(faults: AppFault[]) {
  const { summary } = await runConformance({
    target: new ReferenceTarget(['pro'], { app: { ...referenceApp(faults), via: 'webdriver' } }),
    checks: [uiBackupResumeCheck],
    catalogue: REQUIREMENTS,
    profiles: [loadProfile('redmi-note-8'), loadProfile('iphone-12-mini')],
    seed: 5,
    runs: 20,
    command: 'test',
    kitVersion: 'test',
    replayCommand: () => 'mbsc run --seed 5',
  });
  const verdictOf = (id: string) => summary.requirements.find((r) => r.id === id)?.verdict;
  return { cells: summary.checks[0]!.cells, verdictOf, verdict: summary.verdict };
}

describe('ui-backup-resume-model through the screens', () => {
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
