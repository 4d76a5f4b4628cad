/**
 * A real build over WebDriver (`--via emulator`), against a real Appium 3 server. With no emulator here, the build
 * stand-in is the simulator driver: an endpoint that serves the element ids and the kit's `mobile:` methods, as a
 * build's test hooks must. An endpoint without the build's automation driver is refused before any check runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_LOCATORS } from '../../../devices/appium-driver/page-objects/locators.js';
import { simulatorCapabilities, uiautomator2Capabilities } from '../../../devices/capabilities/device-capabilities.js';
import type { RealDevicePlan } from '../../../devices/capabilities/real-device-plan.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { ClientError } from '../../../conformance/spec/errors.js';
import { checkRealBuild, realBuildApp, type RealBuild } from '../../../conformance/targets/real-build-app.js';
import { startAppiumFixture, type AppiumFixture } from '../../devices/appium-driver/appium-fixture.js';

const android = loadProfile('samsung-galaxy-a12');
const ios = loadProfile('iphone-6s');
// Nothing listens here: the checks below never pair, and a session needs a server address to start.
const serverUrl = 'http://127.0.0.1:9';

let fixture: AppiumFixture;
beforeAll(async () => void (fixture = await startAppiumFixture()), 60_000);
afterAll(() => fixture?.close());

const simulated = (profile: typeof android): RealDevicePlan => ({
  profile,
  capabilities: simulatorCapabilities(profile, serverUrl, { inline: true }),
  locators: SIMULATOR_LOCATORS,
});
const build = (plans: RealDevicePlan[]): RealBuild => ({ name: 'app.apk', plans, url: fixture.appium.url });

async function refusal(run: Promise<unknown>): Promise<ClientError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClientError);
  return error as ClientError;
}

describe('a real build over WebDriver', () => {
  it('is checked with one session per platform, then driven through its locator map', async () => {
    const served = build([simulated(android), simulated(ios)]);
    await checkRealBuild(served);
    const app = realBuildApp(served);
    expect(app.realBuild).toBe(true);
    const { driver, close } = await app.drive(ios, serverUrl);
    try {
      expect(await driver.text('screen-title')).toBe('Home');
      await driver.tap('tab-more');
      expect(await driver.text('screen-title')).toBe('More');
      expect((await driver.execute('mobile: deviceInfo')).platform).toBe('ios');
    } finally {
      await close();
    }
  }, 60_000);

  it('refuses a device variant the emulator image cannot be, naming what differs', async () => {
    const app = realBuildApp(build([simulated(android)]));
    const error = await refusal(app.drive({ ...android, camera: false }, serverUrl));
    expect(error.code).toBe('emulator-unavailable');
    expect(error.message).toContain('camera: false');
    expect((await refusal(app.drive(ios, serverUrl))).message).toContain(
      'No emulator is planned for the profile iphone-6s',
    );
  });

  it('stops before any check when the endpoint has no driver for the build', async () => {
    const plan: RealDevicePlan = {
      profile: android,
      capabilities: uiautomator2Capabilities(android, { app: '/builds/app.apk' }),
      locators: SIMULATOR_LOCATORS,
    };
    const error = await refusal(checkRealBuild(build([plan])));
    expect(error.code).toBe('emulator-unavailable');
    expect(error.message).toMatch(
      /could not start a UiAutomator2 session of app\.apk on samsung-galaxy-a12 \(the endpoint needs the uiautomator2 driver/,
    );
  }, 30_000);
});
