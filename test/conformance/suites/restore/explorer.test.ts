import { describe, expect, it } from 'vitest';
import { restoreExplorerChecks } from '../../../../conformance/suites/restore/explorer.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from '../fixtures/device-run.js';

describe('restore file explorer suite against the reference server', () => {
  it('passes on Android and iOS; document folders apply to Android only', async () => {
    const summary = await runDeviceChecks(restoreExplorerChecks, { runs: 30 });
    expect(cellTable(summary)).toEqual({
      'restore-explorer-property': passOn(ANDROID, IOS),
      'restore-explorer-document-folders': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
      'restore-delete-tab-while-registered': passOn(ANDROID, IOS),
      'restore-archive-tab-after-restore': passOn(ANDROID, IOS),
    });
    const ids = ['RFE-01', 'RFE-02', 'RFE-03', 'RFE-04', 'RFE-05', 'RFE-06', 'RFE-07', 'RFE-09', 'RFE-10', 'RFE-13'];
    ids.push('RFE-14', 'RFE-15');
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
