/** Apps for the tests of checks through the screens: the reference app's screens, and hand-made broken variants. */
import type { Check } from '../../../conformance/framework/check.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { referenceApp, type AppUnderTest } from '../../../conformance/targets/app-under-test.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { runTwoFactor } from './two-factor-run.js';

/** The session model in process, standing in for the app over WebDriver (`--via appium`). */
export const throughScreens: AppUnderTest = { ...referenceApp([]), via: 'webdriver' };

/** The reference app with its driver bent by `bend`: what a broken build would do to the same taps. */
export function brokenApp(bend: (driver: AppDriver) => Partial<AppDriver>): AppUnderTest {
  return {
    ...throughScreens,
    async drive(spec, url) {
      const app = await throughScreens.drive(spec, url);
      return { ...app, driver: { ...app.driver, ...bend(app.driver) } };
    },
  };
}

/** One 2FA check through the screens on Pro and Home, Android and iOS, once. */
export const runTwoFactorScreens = (check: Check, app: AppUnderTest = throughScreens) =>
  runTwoFactor([check], { target: new ReferenceTarget(['pro', 'home'], { app }), runs: 1 });
