import { describe, expect, it } from 'vitest';
import { backupChecks } from '../../../../conformance/suites/backup/model-in-process.js';
import { ANDROID, cellTable, IOS, runDeviceChecks, verdicts } from '../fixtures/device-run.js';

describe('backup, resume and integrity suite against the reference server', () => {
  it('passes on Android and iOS, each platform check skipping the other platform', async () => {
    const summary = await runDeviceChecks(backupChecks, { runs: 15 });
    expect(cellTable(summary)).toEqual({
      'backup-resume-integrity-model-android': [
        [`${ANDROID} @ pro`, 'pass', undefined],
        [`${IOS} @ pro`, 'skipped', 'applies to Android only'],
      ],
      'backup-resume-integrity-model-ios': [
        [`${ANDROID} @ pro`, 'skipped', 'applies to iOS only'],
        [`${IOS} @ pro`, 'pass', undefined],
      ],
    });
    // Every requirement either platform's check claims, RUN-10's battery falling mid-job among them.
    const ids = [...new Set(backupChecks.flatMap((c) => c.requirements))];
    expect(ids).toContain('RUN-10');
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
    expect(
      summary.checks
        .flatMap((c) => c.cells)
        .filter((c) => c.verdict === 'pass')
        .every((c) => c.runs === 15),
    ).toBe(true);
  });
});
