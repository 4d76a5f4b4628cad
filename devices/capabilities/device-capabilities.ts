/**
 * W3C capability sets generated from device profiles: the simulator's (MbsSimulator), and for a real build of the
 * app on an Android emulator (UiAutomator2) or an iOS simulator (XCUITest). Permission prompts are left to the
 * app and the checks (no auto-grant, no auto-accept), since the suites check that the app asks for them. A real
 * build's locator map comes from the same element ids the page objects use: Android resource ids
 * (`<package>:id/<id with underscores>`, as Android resource names cannot hold dashes) and iOS accessibility
 * identifiers; any element the build names differently is given in `overrides` as a WebdriverIO selector.
 */
import type { DeviceSpec, Platform } from '../../simulators/device/device-spec.js';
import { ELEMENT_IDS, type Locators } from '../appium-driver/page-objects/locators.js';

export type Capabilities = Record<string, unknown>;

/** What is installed on a real device: an app file, or an app already there by its id. */
export interface RealApp {
  /** Path or URL of the .apk / .app / .ipa to install. */
  readonly app?: string;
  /** Android: the package and launch activity of an installed build. */
  readonly appPackage?: string;
  readonly appActivity?: string;
  /** iOS: the bundle id of an installed build. */
  readonly bundleId?: string;
}

export const DEFAULT_APP_PACKAGE = 'com.mbs.app';
export const DEFAULT_BUNDLE_ID = 'com.mbs.app';

/**
 * A simulated phone of `profile`: named by its id, or (`inline`) given whole, for a variant of a stored profile
 * (no camera, say) or a phone of a check's own making (the replacement in a migration).
 */
export function simulatorCapabilities(
  profile: DeviceSpec,
  serverUrl: string,
  { inline = false }: { inline?: boolean } = {},
): Capabilities {
  return {
    platformName: platformName(profile),
    'appium:automationName': 'MbsSimulator',
    ...(inline ? { 'appium:device': profile } : { 'appium:deviceProfile': profile.id }),
    'appium:serverUrl': serverUrl,
  };
}

/** An AVD named after the profile, at the profile's Android version. */
export function uiautomator2Capabilities(profile: DeviceSpec, app: RealApp = {}): Capabilities {
  if (profile.platform !== 'android') throw new RangeError(`UiAutomator2 drives Android; ${profile.id} is iOS.`);
  return {
    platformName: 'Android',
    'appium:automationName': 'UiAutomator2',
    'appium:platformVersion': profile.osVersion,
    'appium:deviceName': profile.name,
    'appium:avd': avdName(profile),
    'appium:autoGrantPermissions': false,
    'appium:newCommandTimeout': 300,
    ...(app.app ? { 'appium:app': app.app } : {}),
    'appium:appPackage': app.appPackage ?? DEFAULT_APP_PACKAGE,
    ...(app.appActivity ? { 'appium:appActivity': app.appActivity } : {}),
  };
}

/** A simulator of the profile's model (e.g. "iPhone 13") at the profile's iOS major.minor version. */
export function xcuitestCapabilities(profile: DeviceSpec, app: RealApp = {}): Capabilities {
  if (profile.platform !== 'ios') throw new RangeError(`XCUITest drives iOS; ${profile.id} is Android.`);
  return {
    platformName: 'iOS',
    'appium:automationName': 'XCUITest',
    'appium:platformVersion': profile.osVersion.split('.').slice(0, 2).join('.'),
    'appium:deviceName': simulatorDeviceName(profile),
    'appium:autoAcceptAlerts': false,
    'appium:newCommandTimeout': 300,
    ...(app.app ? { 'appium:app': app.app } : { 'appium:bundleId': app.bundleId ?? DEFAULT_BUNDLE_ID }),
  };
}

/** The real-device capability set for a profile: UiAutomator2 on Android, XCUITest on iOS. */
export function emulatorCapabilities(profile: DeviceSpec, app: RealApp = {}): Capabilities {
  return profile.platform === 'android' ? uiautomator2Capabilities(profile, app) : xcuitestCapabilities(profile, app);
}

export const platformName = (profile: DeviceSpec): 'Android' | 'iOS' =>
  profile.platform === 'android' ? 'Android' : 'iOS';

/** AVD names take letters, digits, dots, dashes and underscores. */
export const avdName = (profile: DeviceSpec): string => `mbs_${profile.id.replace(/[^A-Za-z0-9._-]/g, '_')}`;

/** Xcode's simulator names put a space before the model number: the seed's "iPhone6s" is "iPhone 6s". */
export function simulatorDeviceName(profile: DeviceSpec): string {
  return profile.name
    .replace(/^(iPhone|iPad)(?=\d|SE|X)/, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface RealAppLocatorOptions {
  readonly appPackage?: string;
  /** Element id → WebdriverIO selector, for elements the build names its own way. */
  readonly overrides?: Readonly<Record<string, string>>;
}

/** `backup-start` → `backup_start`. */
export const androidResourceName = (id: string): string => id.replace(/-/g, '_');

export function realAppLocators(platform: Platform, options: RealAppLocatorOptions = {}): Locators {
  const appPackage = options.appPackage ?? DEFAULT_APP_PACKAGE;
  const overrides = options.overrides ?? {};
  return {
    name: `${platform === 'android' ? 'uiautomator2' : 'xcuitest'}:${appPackage}`,
    selector(id) {
      const override = overrides[id];
      if (override !== undefined) return override;
      return platform === 'android' ? `id=${appPackage}:id/${androidResourceName(id)}` : `~${id}`;
    },
  };
}

/** The selector of every named element, as a table a build's team can check their ids against. */
export function locatorTable(locators: Locators): Record<keyof typeof ELEMENT_IDS, string> {
  return Object.fromEntries(Object.entries(ELEMENT_IDS).map(([name, id]) => [name, locators.selector(id)])) as Record<
    keyof typeof ELEMENT_IDS,
    string
  >;
}
