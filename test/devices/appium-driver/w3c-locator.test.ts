/** Selectors of the locator maps as the W3C strategies a real build's elements are found by. */
import { describe, expect, it } from 'vitest';
import { w3cLocator } from '../../../devices/appium-driver/app-driver.js';
import { SIMULATOR_LOCATORS } from '../../../devices/appium-driver/page-objects/locators.js';
import { realAppLocators } from '../../../devices/capabilities/device-capabilities.js';

describe('w3cLocator', () => {
  it('finds the simulator by accessibility id, an Android build by resource id, an iOS build by accessibility id', () => {
    expect(w3cLocator(SIMULATOR_LOCATORS.selector('backup-start'))).toEqual(['accessibility id', 'backup-start']);
    expect(w3cLocator(realAppLocators('android', { appPackage: 'org.example' }).selector('backup-start'))).toEqual([
      'id',
      'org.example:id/backup_start',
    ]);
    expect(w3cLocator(realAppLocators('ios').selector('backup-start'))).toEqual(['accessibility id', 'backup-start']);
  });

  it('passes xpath and native selectors of overrides through', () => {
    const locators = realAppLocators('android', {
      overrides: {
        'backup-start': '//android.widget.Button[@text="Backup"]',
        'tab-home': '-android uiautomator:new UiSelector().text("Home")',
      },
    });
    expect(w3cLocator(locators.selector('backup-start'))).toEqual(['xpath', '//android.widget.Button[@text="Backup"]']);
    expect(w3cLocator(locators.selector('tab-home'))).toEqual([
      '-android uiautomator',
      'new UiSelector().text("Home")',
    ]);
    expect(w3cLocator('(//XCUIElementTypeButton)[2]')).toEqual(['xpath', '(//XCUIElementTypeButton)[2]']);
  });

  it('refuses a selector with no strategy, naming it', () => {
    expect(() => w3cLocator('button.backup')).toThrow(/button\.backup.*names no locator strategy/);
  });
});
