import { describe, expect, it } from 'vitest';
import { platformChecks } from '../../../conformance/suites/platforms.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from './device-run.js';

describe('platforms suite against the reference server', () => {
  it('passes on Android and iOS, and on a profile the app refuses', async () => {
    const summary = await runDeviceChecks(platformChecks, { profiles: [ANDROID, IOS, 'iphone-5'] });
    expect(cellTable(summary)).toEqual({
      'platform-os-versions-android': [
        ...passOn(ANDROID),
        skipOn(IOS, 'applies to Android only'),
        skipOn('iphone-5', 'applies to Android only'),
      ],
      'platform-os-versions-ios': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS, 'iphone-5')],
      'platform-first-launch-permissions-android': [
        ...passOn(ANDROID),
        skipOn(IOS, 'applies to Android only'),
        skipOn('iphone-5', 'the app does not install on iOS 10.3.4 (see PLAT-01/02)'),
      ],
      'platform-first-launch-permissions-ios': [
        skipOn(ANDROID, 'applies to iOS only'),
        ...passOn(IOS),
        skipOn('iphone-5', 'the app does not install on iOS 10.3.4 (see PLAT-01/02)'),
      ],
    });
    const ids = ['PLAT-01', 'PLAT-02', 'PLAT-03', 'PLAT-04', 'PLAT-05'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
