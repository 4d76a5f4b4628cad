/**
 * Checks through the screens on an Android and an iOS phone, with the session model in process standing in for the
 * app over WebDriver; `alter` stands between the check and the app: a hand-made broken adapter, showing the screens
 * of an app that breaks a rule no fault variant of the app model touches.
 */
import type { Check } from '../../../conformance/framework/check.js';
import { referenceApp, type AppUnderTest } from '../../../conformance/targets/app-under-test.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { cellTable, runDeviceChecks, verdicts } from './device-run.js';

export const PHONES = ['redmi-note-8', 'iphone-12-mini'] as const;

/** An AppDriver like `driver`, with some of its answers replaced. */
export type Alter = (driver: AppDriver) => Partial<AppDriver>;

export function screensApp(alter?: Alter): AppUnderTest {
  const base = referenceApp();
  return {
    ...base,
    via: 'webdriver',
    drive: async (spec, serverUrl) => {
      const app = await base.drive(spec, serverUrl);
      return alter ? { ...app, driver: { ...app.driver, ...alter(app.driver) } } : app;
    },
  };
}

/**
 * The checks' cells (`check id → [[column, verdict, message]]`) and the verdicts of `requirements`; `app` stands
 * for an app other than the reference one.
 */
export async function runScreens(
  checks: readonly Check[],
  requirements: readonly string[],
  options: { alter?: Alter; app?: AppUnderTest; profiles?: readonly string[] } = {},
) {
  const summary = await runDeviceChecks(checks, {
    runs: 10,
    seed: 5,
    profiles: options.profiles ?? PHONES,
    app: options.app ?? screensApp(options.alter),
  });
  return { cells: cellTable(summary), verdicts: verdicts(summary, requirements), summary };
}

/** A page source with the lines that match `pattern` left out: an element the app does not show. */
export const withoutLines =
  (pattern: RegExp): Alter =>
  (driver) => ({
    pageSource: async () =>
      (await driver.pageSource())
        .split('\n')
        .filter((line) => !pattern.test(line))
        .join('\n'),
  });
