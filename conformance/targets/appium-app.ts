/**
 * The UI checks over WebDriver: each opens a session of the simulator driver (automationName MbsSimulator) on an
 * Appium 3 server, the kit's own (started with the driver in a project-local APPIUM_HOME) or one at a URL. Model
 * checks keep the app model in process, so a run `--via appium` reaches the same verdicts as one in process.
 */
import { webDriver } from '../../devices/appium-driver/app-driver.js';
import { startAppium, type RunningAppium } from '../../devices/appium-driver/harness/appium-server.js';
import { simulatorCapabilities } from '../../devices/capabilities/device-capabilities.js';
import { parseEndpoint, probeEndpoint } from '../../devices/capabilities/remote-endpoint.js';
import { openW3cSession } from '../../devices/appium-driver/w3c-session.js';
import type { AppFault } from '../spec/faults.js';
import type { AppUnderTest } from './app-under-test.js';

export interface AppiumEndpoint {
  readonly url: string;
  /** Set when the kit started this Appium server and must stop it. */
  stop?(): Promise<void>;
}

/** The kit's own Appium server, or the one at `url` (a remote Appium or a Selenium Grid 4 hub). */
export async function appiumEndpoint(url?: string): Promise<AppiumEndpoint> {
  // A given endpoint must answer as Appium or Grid does before any check runs (`appium-unavailable` otherwise).
  if (url) {
    await probeEndpoint(parseEndpoint(url));
    return { url };
  }
  const appium: RunningAppium = await startAppium();
  return { url: appium.url, stop: () => appium.stop() };
}

/** `base` installs the model for model checks; sessions run the same app faults (`appium:faults`). */
export function appiumApp(
  base: AppUnderTest,
  endpoint: AppiumEndpoint,
  faults: readonly AppFault[] = [],
): AppUnderTest {
  return {
    description: `${base.description}; its screens driven over WebDriver through Appium at ${endpoint.url}`,
    via: 'webdriver',
    install: base.install,
    drive: async (profile, serverUrl, startMs) => {
      const browser = await openW3cSession(endpoint.url, {
        // Inline: a check may drive a variant of a stored profile or a phone of its own making.
        ...simulatorCapabilities(profile, serverUrl, { inline: true }),
        ...(faults.length > 0 ? { 'appium:faults': [...faults] } : {}),
        ...(startMs !== undefined ? { 'appium:clockStartMs': startMs } : {}),
      });
      // The simulator driver's element references are its accessibility ids: kept ones stay exact (app-driver.ts).
      return {
        driver: webDriver(browser, new Map(), undefined, { keepReferences: true }),
        close: () => browser.deleteSession(),
      };
    },
  };
}
