import { describe, expect, it } from 'vitest';
import { suite } from '../../../../conformance/suites/app-log/index.js';
import { ANDROID, cellTable, inProcess, IOS, passOn, runDeviceChecks, verdicts } from '../fixtures/device-run.js';

const appLogChecks = inProcess(suite);

describe('app log suite against the reference server', () => {
  it('passes on Android and iOS', async () => {
    const summary = await runDeviceChecks(appLogChecks, { runs: 20 });
    expect(cellTable(summary)).toEqual({
      'app-log-entries': passOn(ANDROID, IOS),
      'app-log-filter': passOn(ANDROID, IOS),
      'app-log-backup-registration': passOn(ANDROID, IOS),
      'app-log-2fa-registration': passOn(ANDROID, IOS),
      'app-log-failures': passOn(ANDROID, IOS),
    });
    const ids = ['LOG-01', 'LOG-02', 'LOG-03', 'LOG-04', 'LOG-05'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
