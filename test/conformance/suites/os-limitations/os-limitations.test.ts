import { describe, expect, it } from 'vitest';
import { suite } from '../../../../conformance/suites/os-limitations/index.js';

const osLimitationChecks = suite.checks.filter((c) => !c.tags?.includes('ui'));
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from '../fixtures/device-run.js';

describe('OS limitations suite against the reference server', () => {
  it('passes on Android and iOS, each check skipping the platform it does not apply to', async () => {
    const summary = await runDeviceChecks(osLimitationChecks);
    const androidOnly = [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')];
    expect(cellTable(summary)).toEqual({
      'os-limitations-documents-internal-only': androidOnly,
      'os-limitations-ios-heif-not-backed-up-on-android': androidOnly,
      'os-limitations-itunes-sync-not-backed-up': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)],
      'os-limitations-restore-ios-heif-to-android': [
        ...passOn(ANDROID),
        skipOn(IOS, "restoring an iPhone's HEIF/HEVC needs an Android device"),
      ],
      'os-limitations-restore-keeps-android-files': androidOnly,
      'os-limitations-restore-ios-photos': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)],
    });
    const ids = ['LIM-01', 'LIM-02', 'LIM-03', 'LIM-04', 'LIM-05', 'LIM-06', 'LIM-07', 'LIM-08', 'RST-09', 'RST-11'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
