import { describe, expect, it } from 'vitest';
import { platformChecks } from '../../../../conformance/suites/platforms/install-and-first-launch.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from '../fixtures/device-run.js';

describe('platforms suite against the reference server', () => {
  it('passes on Android and iOS, and on a profile the app refuses', async () => {
    const summary = await runDeviceChecks(platformChecks, { profiles: [ANDROID, IOS, 'iphone-5'] });
    expect(cellTable(summary)).toEqual({
      'platforms-os-versions-android': [
        ...passOn(ANDROID),
        skipOn(IOS, 'applies to Android only'),
        skipOn('iphone-5', 'applies to Android only'),
      ],
      'platforms-os-versions-ios': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS, 'iphone-5')],
      'platforms-first-launch-permissions-android': [
        ...passOn(ANDROID),
        skipOn(IOS, 'applies to Android only'),
        skipOn('iphone-5', 'the app does not install on iOS 10.3.4 (see PLAT-01/02)'),
      ],
      'platforms-first-launch-permissions-ios': [
        skipOn(ANDROID, 'applies to iOS only'),
        ...passOn(IOS),
        skipOn('iphone-5', 'the app does not install on iOS 10.3.4 (see PLAT-01/02)'),
      ],
    });
    const ids = ['PLAT-01', 'PLAT-02', 'PLAT-03', 'PLAT-04', 'PLAT-05'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
