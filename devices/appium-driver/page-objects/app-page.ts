/**
 * What every page object does with an element: find it through the locator map, tap it, read its text or state,
 * type into it. Pages subclass this with the screen's own actions, so a test reads as what the user does.
 */
import type { Browser } from 'webdriverio';
import { ELEMENT_IDS, SIMULATOR_LOCATORS, type ElementName, type Locators } from './locators.js';

/** An element by its name in the map, or by an id from ELEMENT_ID_PATTERNS. */
export type Target = ElementName | { readonly id: string };

export class AppPage {
  constructor(
    readonly browser: Browser,
    readonly locators: Locators = SIMULATOR_LOCATORS,
  ) {}

  element(target: Target) {
    const id = typeof target === 'string' ? ELEMENT_IDS[target] : target.id;
    return this.browser.$(this.locators.selector(id));
  }

  async tap(target: Target): Promise<void> {
    await this.element(target).click();
  }

  async text(target: Target): Promise<string> {
    return this.element(target).getText();
  }

  async type(target: Target, value: string): Promise<void> {
    await this.element(target).setValue(value);
  }

  /** A switch or checkbox: UiAutomator2 answers `checked`, XCUITest a `value` of 1 or 0. */
  async isChecked(target: Target): Promise<boolean> {
    const element = this.element(target);
    const checked = await element.getAttribute('checked');
    if (checked !== null) return checked === 'true';
    return (await element.getAttribute('value')) === '1';
  }

  async isEnabled(target: Target): Promise<boolean> {
    return this.element(target).isEnabled();
  }

  async isSelected(target: Target): Promise<boolean> {
    return (await this.element(target).getAttribute('selected')) === 'true';
  }

  async exists(target: Target): Promise<boolean> {
    return this.element(target).isExisting();
  }

  /** The dialog's text, or undefined when none is shown. */
  async message(): Promise<string | undefined> {
    return (await this.exists('messageText')) ? this.text('messageText') : undefined;
  }

  async dismissMessage(): Promise<void> {
    if (await this.exists('messageOk')) await this.tap('messageOk');
  }
}
