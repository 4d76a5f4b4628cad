/**
 * A real build of the app on Android emulators (UiAutomator2) or iOS simulators (XCUITest), `--via emulator`.
 * The same checks of the screens drive it: element ids become the build's selectors through its locator map, and
 * the device is set up through the kit's `mobile:` methods (battery, storage, media, network, clock, app state),
 * which the endpoint must serve for the build (an Appium plugin or a device cloud's test hooks). Both are checked
 * before any check runs, with one session per platform, so a missing emulator, driver or method stops the run at
 * once. Checks of the app model in process do not apply: they would judge the kit's model, not the build.
 */
import { webDriver } from '../../devices/appium-driver/app-driver.js';
import type { RealDevicePlan } from '../../devices/capabilities/real-device-plan.js';
import { openSession } from '../../devices/capabilities/remote-endpoint.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { ClientError } from '../spec/errors.js';
import type { AppUnderTest } from './app-under-test.js';

export interface RealBuild {
  /** What is installed, for reports: the app file or its package / bundle id. */
  readonly name: string;
  readonly plans: readonly RealDevicePlan[];
  /** The Appium or Grid endpoint (`--appium-url`), or the local Appium a harness started. */
  readonly url: string;
}

/** A session of the build on the profile's emulator, with its AppDriver. */
async function openBuildSession(build: RealBuild, profile: DeviceSpec) {
  const plan = build.plans.find((p) => p.profile.id === profile.id);
  if (!plan) throw new ClientError('emulator-unavailable', `No emulator is planned for the profile ${profile.id}.`);
  if (JSON.stringify(plan.profile) !== JSON.stringify(profile)) {
    throw new ClientError(
      'emulator-unavailable',
      `This check needs a variant of ${profile.id} (${variantOf(plan.profile, profile)}): a real device is as its emulator image is made.`,
    );
  }
  const automation = String(plan.capabilities['appium:automationName']);
  let browser: WebdriverIO.Browser;
  try {
    browser = await openSession(build.url, plan.capabilities);
  } catch (error) {
    throw new ClientError(
      'emulator-unavailable',
      `${build.url} could not start a ${automation} session of ${build.name} on ${profile.id} (the endpoint needs the ${automation.toLowerCase()} driver and this emulator): ${firstLine(error)}`,
    );
  }
  return { browser, driver: webDriver(browser, new Map(), plan.locators) };
}

export function realBuildApp(build: RealBuild): AppUnderTest {
  return {
    description: `the app build ${build.name} on emulators through ${build.url}`,
    via: 'webdriver',
    realBuild: true,
    install: () => {
      throw new ClientError('emulator-unavailable', 'A real build has no app model to install in process.');
    },
    drive: async (profile) => {
      const { browser, driver } = await openBuildSession(build, profile);
      return { driver, close: () => browser.deleteSession() };
    },
  };
}

/** One session per platform: the emulator starts, the build launches, and the endpoint serves the device methods. */
export async function checkRealBuild(build: RealBuild): Promise<void> {
  const platforms = new Map(build.plans.map((plan) => [plan.profile.platform, plan.profile]));
  for (const profile of platforms.values()) {
    const { browser, driver } = await openBuildSession(build, profile);
    try {
      await driver.execute('mobile: deviceInfo');
    } catch (error) {
      throw new ClientError(
        'device-control-unavailable',
        `${build.url} runs ${build.name} on ${profile.id} but does not serve "mobile: deviceInfo" (${firstLine(error)}). The checks set the battery, storage, media, network and clock and read the app's state through the kit's mobile: methods: serve them for the build, or test the simulated app with --via appium.`,
      );
    } finally {
      await browser.deleteSession().catch(() => undefined);
    }
  }
}

const firstLine = (error: unknown) => String((error as Error).message ?? error).split('\n')[0];

function variantOf(base: DeviceSpec, wanted: DeviceSpec): string {
  const keys = new Set([...Object.keys(base), ...Object.keys(wanted)]) as Set<keyof DeviceSpec>;
  return [...keys]
    .filter((k) => JSON.stringify(base[k]) !== JSON.stringify(wanted[k]))
    .map((k) => `${k}: ${JSON.stringify(wanted[k])}`)
    .join(', ');
}
