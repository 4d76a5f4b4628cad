import { describe, expect, it } from 'vitest';
import { suite } from '../../../../conformance/suites/app-log/index.js';
import { referenceApp } from '../../../../conformance/targets/app-under-test.js';
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
      'app-log-free-up-space': passOn(ANDROID, IOS),
    });
    const ids = ['LOG-01', 'LOG-02', 'LOG-03', 'LOG-04', 'LOG-05', 'LOG-06'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });

  it('catches an app that logs a failed free up space as Info', async () => {
    const check = appLogChecks.filter((c) => c.id === 'app-log-free-up-space');
    const summary = await runDeviceChecks(check, { app: referenceApp(['free-up-failure-logged-as-info']) });
    const [messages] = Object.values(cellTable(summary));
    expect(messages?.map(([, verdict, message]) => [verdict, message?.split('\n')[0]])).toEqual([
      ['fail', expect.stringContaining('when the server cannot archive: got ["Free up space Info"]')],
      ['fail', expect.stringContaining('when the server cannot archive: got ["Free up space Info"]')],
    ]);
    expect(verdicts(summary, ['LOG-06'])).toEqual({ 'LOG-06': 'fail' });
  });
});
