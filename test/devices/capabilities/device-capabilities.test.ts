import { describe, expect, it } from 'vitest';
import {
  androidResourceName,
  emulatorCapabilities,
  locatorTable,
  realAppLocators,
  simulatorCapabilities,
  simulatorDeviceName,
  uiautomator2Capabilities,
  xcuitestCapabilities,
} from '../../../devices/capabilities/device-capabilities.js';
import { ELEMENT_IDS, SIMULATOR_LOCATORS } from '../../../devices/appium-driver/page-objects/locators.js';
import { loadAllProfiles, loadProfile } from '../../../devices/load-profiles.js';

describe('capability sets from device profiles', () => {
  it('makes UiAutomator2 capabilities for an Android profile', () => {
    expect(uiautomator2Capabilities(loadProfile('redmi-note-8'), { app: '/builds/mbs.apk' })).toEqual({
      platformName: 'Android',
      'appium:automationName': 'UiAutomator2',
      'appium:platformVersion': '10',
      'appium:deviceName': 'Redmi Note 8',
      'appium:avd': 'mbs_redmi-note-8',
      'appium:autoGrantPermissions': false,
      'appium:newCommandTimeout': 300,
      'appium:app': '/builds/mbs.apk',
      'appium:appPackage': 'com.mbs.app',
    });
  });

  it('makes XCUITest capabilities for an iOS profile, with Xcode simulator names', () => {
    const caps = xcuitestCapabilities(loadProfile('iphone-13'), { bundleId: 'com.vendor.backup' });
    expect(caps).toMatchObject({
      platformName: 'iOS',
      'appium:automationName': 'XCUITest',
      'appium:platformVersion': '18.3',
      'appium:deviceName': 'iPhone 13',
      'appium:bundleId': 'com.vendor.backup',
      'appium:autoAcceptAlerts': false,
    });
    expect(simulatorDeviceName({ ...loadProfile('iphone-6s'), name: 'iPhone6s' })).toBe('iPhone 6s');
  });

  it('picks the driver by platform for every profile, and refuses the wrong one', () => {
    for (const profile of loadAllProfiles()) {
      const caps = emulatorCapabilities(profile);
      expect(caps['appium:automationName']).toBe(profile.platform === 'android' ? 'UiAutomator2' : 'XCUITest');
      expect(caps['appium:platformVersion']).toMatch(/^\d+(\.\d+)?$/);
      if (profile.platform === 'android') expect(caps['appium:avd']).toMatch(/^[A-Za-z0-9._-]+$/);
    }
    expect(() => xcuitestCapabilities(loadProfile('redmi-note-8'))).toThrow(RangeError);
    expect(() => uiautomator2Capabilities(loadProfile('iphone-13'))).toThrow(RangeError);
  });

  it("makes the simulator's capabilities", () => {
    expect(simulatorCapabilities(loadProfile('iphone-13'), 'http://127.0.0.1:50000')).toEqual({
      platformName: 'iOS',
      'appium:automationName': 'MbsSimulator',
      'appium:deviceProfile': 'iphone-13',
      'appium:serverUrl': 'http://127.0.0.1:50000',
    });
  });
});

describe('locator maps', () => {
  it('gives every element a resource id on Android and an accessibility id on iOS', () => {
    const android = locatorTable(realAppLocators('android', { appPackage: 'com.vendor.backup' }));
    const ios = locatorTable(realAppLocators('ios'));
    for (const [name, id] of Object.entries(ELEMENT_IDS) as [keyof typeof ELEMENT_IDS, string][]) {
      expect(android[name]).toBe(`id=com.vendor.backup:id/${androidResourceName(id)}`);
      expect(android[name]).toMatch(/^id=[a-z.]+:id\/[a-z][a-z0-9_]*$/);
      expect(ios[name]).toBe(`~${id}`);
    }
    expect(android.backupStart).toBe('id=com.vendor.backup:id/backup_start');
  });

  it('takes overrides for elements a build names its own way', () => {
    const locators = realAppLocators('android', { overrides: { 'backup-start': '//*[@text="Back up now"]' } });
    expect(locators.selector('backup-start')).toBe('//*[@text="Back up now"]');
    expect(locators.selector('backup-stop')).toBe('id=com.mbs.app:id/backup_stop');
    expect(SIMULATOR_LOCATORS.selector('backup-start')).toBe('~backup-start');
  });
});
