/** The platform checks through the screens, and hand-made broken apps they must catch. */
import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../../conformance/spec/errors.js';
import { UI_PLATFORM_CHECKS } from '../../../../conformance/suites/platforms/install-and-first-launch-screens.js';
import { passOn, skipOn } from '../fixtures/device-run.js';
import type { AppUnderTest, DrivenApp } from '../../../../conformance/targets/app-under-test.js';
import { inProcessDriver } from '../../../../devices/appium-driver/app-driver.js';
import type { DeviceSpec } from '../../../../simulators/device/device-spec.js';
import { PermissionCenter, type Permission } from '../../../../simulators/device/permissions.js';
import { SimulatorSession } from '../../../../simulators/session/simulator-session.js';
import { PHONES, runScreens, screensApp } from '../fixtures/ui-screens-run.js';

const IDS = ['PLAT-01', 'PLAT-02', 'PLAT-03', 'PLAT-04', 'PLAT-05'];
const [ANDROID, IOS] = PHONES;

describe('platforms through the screens', () => {
  it('pass on Android and iOS, and on a profile the app refuses; PLAT-04 stays with the in-process check', async () => {
    const { cells, verdicts } = await runScreens(UI_PLATFORM_CHECKS, IDS, { profiles: [...PHONES, 'iphone-5'] });
    const refused = 'the app does not install on iOS 10.3.4 (see PLAT-01/02)';
    expect(cells).toEqual({
      'platforms-os-versions-android-screens': [
        ...passOn(ANDROID),
        skipOn(IOS, 'applies to Android only'),
        skipOn('iphone-5', 'applies to Android only'),
      ],
      'platforms-os-versions-ios-screens': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS, 'iphone-5')],
      'platforms-first-launch-permissions-android-screens': [
        ...passOn(ANDROID),
        skipOn(IOS, 'applies to Android only'),
        skipOn('iphone-5', refused),
      ],
      'platforms-first-launch-permissions-ios-screens': [
        skipOn(ANDROID, 'applies to iOS only'),
        ...passOn(IOS),
        skipOn('iphone-5', refused),
      ],
    });
    expect(verdicts).toEqual({ ...Object.fromEntries(IDS.map((id) => [id, 'pass'])), 'PLAT-04': 'untested' });
  }, 120_000);
});

/** The reference app's sessions, with `drive` changed. */
function appWith(
  drive: (base: AppUnderTest, spec: DeviceSpec, url: string, startMs?: number) => Promise<DrivenApp>,
): AppUnderTest {
  const base = screensApp();
  return { ...base, drive: (spec, url, startMs) => drive(base, spec, url, startMs) };
}

/** Cells of `check` on the Android and iOS phones: verdict and the requirements a failure names. */
async function verdictsOf(check: string, app: AppUnderTest) {
  const { summary } = await runScreens(
    UI_PLATFORM_CHECKS.filter((c) => c.id === check),
    IDS,
    { app },
  );
  return summary.checks[0]!.cells.map((c) => [c.verdict, c.failure?.requirements, c.failure?.message]);
}

describe('broken apps through the screens', () => {
  it('catch an app refused on Android 8.0 (PLAT-01)', async () => {
    const app = appWith((base, spec, url, startMs) =>
      spec.osVersion === '8.0' ? Promise.reject(new ClientError('os-unsupported')) : base.drive(spec, url, startMs),
    );
    expect(await verdictsOf('platforms-os-versions-android-screens', app)).toEqual([
      ['fail', ['PLAT-01'], 'the app on android 8.0: got "refused", expected "runs"'],
      ['skipped', undefined, undefined],
    ]);
  }, 120_000);

  it('read a refusal that comes as a WebDriver error carrying the code', async () => {
    const app = appWith((base, spec, url, startMs) =>
      base.drive(spec, url, startMs).catch((error: unknown) => {
        if (!(error instanceof ClientError)) throw error;
        throw new Error(`WebDriverError: session not created: ${error.code}: ${error.message}`);
      }),
    );
    expect(await verdictsOf('platforms-os-versions-ios-screens', app)).toEqual([
      ['skipped', undefined, undefined],
      ['pass', undefined, undefined],
    ]);
  }, 120_000);

  /** An app that asked on first launch for `asked` only. */
  const asking = (asked: readonly Permission[]) =>
    appWith(async (_, spec, serverUrl) => {
      const session = new SimulatorSession({ spec, serverUrl });
      const permissions = new PermissionCenter(() => session.clock.now());
      for (const permission of asked) permissions.request(permission);
      Object.assign(session.device, { permissions });
      return { driver: inProcessDriver(session), close: async () => undefined };
    });

  it('catch an app that did not ask for the camera on first launch (PLAT-03, PLAT-05)', async () => {
    expect(await verdictsOf('platforms-first-launch-permissions-android-screens', asking([]))).toEqual([
      [
        'fail',
        ['PLAT-03'],
        'camera was not granted at first launch: the scanner did not open: "Allow camera access to scan QR codes."',
      ],
      ['skipped', undefined, undefined],
    ]);
    expect(await verdictsOf('platforms-first-launch-permissions-ios-screens', asking([]))).toEqual([
      ['skipped', undefined, undefined],
      [
        'fail',
        ['PLAT-05'],
        'camera was not granted at first launch: the scanner did not open: "Allow camera access to scan QR codes."',
      ],
    ]);
  }, 120_000);

  it('catch an app that did not ask for notifications on first launch on iOS (PLAT-05)', async () => {
    expect(await verdictsOf('platforms-first-launch-permissions-ios-screens', asking(['camera']))).toEqual([
      ['skipped', undefined, undefined],
      ['fail', ['PLAT-05'], 'notifications was not granted at first launch: no notification of the push request'],
    ]);
  }, 120_000);
});
