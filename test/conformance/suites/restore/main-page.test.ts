import { describe, expect, it } from 'vitest';
import { restorePageChecks } from '../../../../conformance/suites/restore/main-page.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from '../fixtures/device-run.js';

describe('restore main page suite against the reference server', () => {
  it('passes on Android and iOS, each platform check skipping the other platform', async () => {
    const summary = await runDeviceChecks(restorePageChecks, { runs: 30 });
    expect(cellTable(summary)).toEqual({
      'restore-main-page-android': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
      'restore-main-page-ios': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)],
    });
    const ids = ['RST-03', 'RST-04', 'RST-05', 'RST-13', 'RST-14', 'RST-15', 'RST-16', 'RST-17', 'RFE-11', 'RFE-12'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
