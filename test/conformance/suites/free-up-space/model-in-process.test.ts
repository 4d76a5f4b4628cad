import { describe, expect, it } from 'vitest';
import { suite } from '../../../../conformance/suites/free-up-space/index.js';
import { ANDROID, cellTable, inProcess, IOS, runDeviceChecks, verdicts } from '../fixtures/device-run.js';

const freeUpSpaceChecks = inProcess(suite);

describe('free up space suite against the reference server', () => {
  it('passes on Android and iOS, each platform check skipping the other platform', async () => {
    const summary = await runDeviceChecks(freeUpSpaceChecks, { runs: 15 });
    expect(cellTable(summary)).toEqual({
      'free-up-space-model-android': [
        [`${ANDROID} @ pro`, 'pass', undefined],
        [`${IOS} @ pro`, 'skipped', 'applies to Android only'],
      ],
      'free-up-space-model-ios': [
        [`${ANDROID} @ pro`, 'skipped', 'applies to iOS only'],
        [`${IOS} @ pro`, 'pass', undefined],
      ],
      'free-up-space-limits': [
        [`${ANDROID} @ pro`, 'pass', undefined],
        [`${IOS} @ pro`, 'pass', undefined],
      ],
      'free-up-space-boundaries': [
        [`${ANDROID} @ pro`, 'pass', undefined],
        [`${IOS} @ pro`, 'pass', undefined],
      ],
      'free-up-space-ios-recently-deleted': [
        [`${ANDROID} @ pro`, 'skipped', 'applies to iOS only'],
        [`${IOS} @ pro`, 'pass', undefined],
      ],
    });
    const ids = Array.from({ length: 14 }, (_, i) => `FUS-${String(i + 1).padStart(2, '0')}`).concat('RFE-07');
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
