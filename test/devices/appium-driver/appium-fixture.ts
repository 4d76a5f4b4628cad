/**
 * An Appium 3 server for a test file: started from node_modules/.bin/appium on 127.0.0.1 with the simulator driver
 * installed into a temporary APPIUM_HOME, and WebdriverIO sessions on it (no connection retries, short waits so a
 * missing element fails fast).
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'webdriverio';
import { startAppium, type RunningAppium } from '../../../devices/appium-driver/harness/appium-server.js';
import { openSession } from '../../../devices/capabilities/remote-endpoint.js';
import { tempDir } from '../../helpers/test-server.js';

export interface AppiumFixture {
  readonly appium: RunningAppium;
  session(caps: Record<string, unknown>): Promise<Browser>;
  close(): Promise<void>;
}

export async function startAppiumFixture(): Promise<AppiumFixture> {
  const home = tempDir('mbs-appium-home-');
  const appium = await startAppium({ home });
  const sessions: Browser[] = [];
  return {
    appium,
    async session(caps) {
      const browser = await openSession(
        appium.url,
        { platformName: 'Android', 'appium:automationName': 'MbsSimulator', ...caps },
        { waitforTimeout: 1000 },
      );
      sessions.push(browser);
      return browser;
    },
    async close() {
      for (const browser of sessions) await browser.deleteSession().catch(() => undefined);
      await appium.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Capabilities of a simulated device of `profile` against `serverUrl`. */
export function simulator(profile: string, serverUrl: string, platformName = 'Android'): Record<string, unknown> {
  return { platformName, 'appium:deviceProfile': profile, 'appium:serverUrl': serverUrl };
}
