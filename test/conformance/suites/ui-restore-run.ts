/**
 * Runs the restore checks through the screens (the in-process session model standing in for the app over
 * WebDriver), on the reference app or on one whose screens a hand-made change breaks: `change` wraps the driver of
 * each phone, the way a faulty app would answer a WebDriver client.
 */
import type { Check } from '../../../conformance/framework/check.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { runDeviceChecks } from './device-run.js';
import { brokenApp, throughScreens } from './screens-apps.js';

export type DriverChange = (driver: AppDriver) => Partial<AppDriver>;

/** One check on the given phones (seed 5, 20 runs): its cells, in column order, and the verdict of a requirement. */
export async function runRestoreScreens(check: Check, profiles: string[], change?: DriverChange) {
  const summary = await runDeviceChecks([check], {
    runs: 20,
    seed: 5,
    profiles,
    app: change ? brokenApp(change) : throughScreens,
  });
  const cells = summary.checks[0]!.cells.map((c) => ({
    column: c.column,
    verdict: c.verdict,
    requirements: c.failure?.requirements,
    message: c.failure?.message ?? c.reason,
  }));
  const verdictOf = (id: string) => summary.requirements.find((r) => r.id === id)?.verdict;
  return { cells, verdictOf };
}

/** A driver whose page source (and texts) say `to` where the app drew `from`, for elements whose id matches. */
export function misdrawn(id: RegExp, from: string, to: string): DriverChange {
  const redraw = (line: string) =>
    id.test(line) ? line.replace(`text="${from}"`, `text="${to}"`).replace(`label="${from}"`, `label="${to}"`) : line;
  return (driver) => ({
    ...driver,
    pageSource: async () => (await driver.pageSource()).split('\n').map(redraw).join('\n'),
    text: async (element) => {
      const shown = await driver.text(element);
      return id.test(`"${element}"`) && shown === from ? to : shown;
    },
  });
}

/** A driver on which taps on the matching elements do nothing. */
export function deadTaps(id: RegExp): DriverChange {
  return (driver) => ({ ...driver, tap: async (element) => (id.test(element) ? undefined : driver.tap(element)) });
}
