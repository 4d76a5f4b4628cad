/**
 * Apps for the screens checks' tests: the reference app (or a faulty variant) driven through its screens in
 * process, standing in for the app over WebDriver, and variants broken by hand in one rule that no named fault
 * covers. Runs on an Android phone with an SD card and an iPhone (device-run.ts's).
 */
import type { Check } from '../../../conformance/framework/check.js';
import type { AppFault } from '../../../conformance/spec/faults.js';
import { referenceApp, type AppUnderTest } from '../../../conformance/targets/app-under-test.js';
import { inProcessDriver } from '../../../devices/appium-driver/app-driver.js';
import { SimulatorSession } from '../../../simulators/session/simulator-session.js';
import { ANDROID, cellTable, IOS, runDeviceChecks } from './device-run.js';

/** The reference app with `faults`, through its screens; `breakIt` changes one rule of each new session's app. */
export function screensApp(faults: readonly AppFault[] = [], breakIt?: (session: SimulatorSession) => void) {
  const app: AppUnderTest = {
    ...referenceApp(faults),
    via: 'webdriver',
    drive: async (spec, serverUrl) => {
      const session = new SimulatorSession({ spec, serverUrl, app: { faults } });
      breakIt?.(session);
      return { driver: inProcessDriver(session), close: async () => undefined };
    },
  };
  return app;
}

/** The checks on both phones: each check's cells (column, verdict, message) and each requirement's verdict. */
export async function runOnScreens(checks: readonly Check[], app: AppUnderTest = screensApp()) {
  const summary = await runDeviceChecks(checks, { runs: 1, profiles: [ANDROID, IOS], app });
  const verdictOf = (id: string) => summary.requirements.find((r) => r.id === id)?.verdict;
  const failed = (checkId: string) =>
    summary.checks.find((c) => c.checkId === checkId)!.cells.filter((c) => c.verdict === 'fail');
  return { cells: cellTable(summary), verdictOf, failed, verdict: summary.verdict };
}
