/**
 * Locator maps for a real build of the app, from the same element ids the page objects use: Android resource ids
 * (`<package>:id/<id with underscores>`, as Android resource names cannot hold dashes) and iOS accessibility
 * identifiers; any element the build names differently is given in `overrides` as a WebdriverIO selector.
 */
import type { Platform } from '../../simulators/device/device-spec.js';
import { ELEMENT_IDS, type Locators } from '../appium-driver/page-objects/locators.js';
import { DEFAULT_APP_PACKAGE } from './device-capabilities.js';

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
