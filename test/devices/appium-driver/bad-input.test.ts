/**
 * Bad input over WebDriver gets the W3C error whose message names the problem and starts with the kit's code:
 * unknown and misspelt capabilities, unknown profiles, devices of the other platform, malformed execute parameters,
 * unknown execute methods, missing and stale elements, unsupported locators.
 */
import type { Browser } from 'webdriverio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulator, startAppiumFixture, type AppiumFixture } from './appium-fixture.js';

let fixture: AppiumFixture;
let browser: Browser;
beforeAll(async () => {
  fixture = await startAppiumFixture();
  browser = await fixture.session(simulator('samsung-galaxy-a12', 'http://127.0.0.1:9'));
});
afterAll(() => fixture?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: 'no error', message: '' }),
    (error: Error) => ({ name: error.name, message: error.message }),
  );

describe('bad capabilities', () => {
  const url = 'http://127.0.0.1:9';
  it.each([
    [
      { ...simulator('redmi-note-8', url), 'appium:deviceProfle': 'x' },
      /capability-invalid: .*"appium:deviceProfle".*Did you mean "appium:deviceProfile"\?/,
    ],
    [
      simulator('redmi-note8', url),
      /profile-not-found: No device profile "redmi-note8".*Did you mean "redmi-note-8"\?/,
    ],
    [
      simulator('iphone-13', url),
      /capability-invalid: The device "iphone-13" is an iOS device, but platformName is "Android"/,
    ],
    [{ 'appium:deviceProfile': 'redmi-note-8' }, /appium:serverUrl|serverUrl/],
    [
      { ...simulator('redmi-note-8', url), 'appium:device': { battery: { level: 101, charging: false } } },
      /profile-invalid: appium:device is not a valid device:\s+- battery\.level: must be <= 100 \(got 101\)/,
    ],
    [
      { platformName: 'Android', 'appium:serverUrl': url, 'appium:device': { platform: 'android', name: 'x' } },
      /profile-invalid: appium:device is not a valid device:[\s\S]*osVersion: is required/,
    ],
  ])('refuses %j', async (caps, message) => {
    const error = await refusal(fixture.session(caps));
    expect(error.message).toMatch(/session not created|A new session could not be created/i);
    expect(error.message).toMatch(message);
  });

  it('takes a profile with inline options over it', async () => {
    const low = await fixture.session({
      ...simulator('redmi-note-8', url),
      'appium:device': { battery: { level: 12, charging: true } },
    });
    expect(await low.execute('mobile: deviceInfo')).toMatchObject({
      id: 'redmi-note-8',
      batteryLevel: 12,
      charging: true,
    });
    await low.deleteSession();
  });
});

describe('execute methods', () => {
  it.each([
    [
      'mobile: setBattery',
      { level: 101 },
      'invalid argument',
      'execute-params-invalid: mobile: setBattery: level: must be <= 100 (got 101)',
    ],
    ['mobile: setBattery', { levle: 5 }, 'invalid argument', 'unknown key "levle". Did you mean "level"?'],
    ['mobile: setBattery', { level: '50' }, 'invalid argument', 'level: must be integer (got "50")'],
    ['mobile: addMedia', { kind: 'photos', count: 1, sizeBytes: 10 }, 'invalid argument', 'kind: must be'],
    ['mobile: setNetwork', {}, 'invalid argument', 'network: is required'],
    ['mobile: setDeleteConsent', { answer: 'ok' }, 'invalid argument', 'answer: must be'],
    ['mobile: setDeleteConsent', { answr: 'allow' }, 'invalid argument', 'unknown key "answr". Did you mean "answer"?'],
    ['mobile: deviceInfo', { verbose: true }, 'invalid argument', 'This method takes no parameters.'],
    ['mobile: setBatery', { level: 5 }, 'unsupported operation', 'Did you mean "mobile: setBattery"?'],
    ['return document.title', {}, 'unsupported operation', 'execute-method-unknown: only "mobile: <method>" scripts'],
    ['mobile: scanQr', { payload: 'mbs://pair?v=1' }, 'no such alert', 'prompt-not-open: The QR scanner is not open'],
    ['mobile: biometric', { match: true }, 'no such alert', 'prompt-not-open: No authentication prompt is open'],
    [
      'mobile: addMedia',
      { kind: 'photo', count: 1, sizeBytes: 10, origin: 'itunes-sync' },
      'invalid argument',
      'media-invalid: Only an iPhone holds media synced from iTunes.',
    ],
  ])('%s %j is %s', async (script, params, name, message) => {
    const error = await refusal(browser.execute(script, params));
    expect(error.message).toContain(message);
    expect(error.message).toContain(`when running "execute/sync"`);
    expect(error.name + error.message).toContain(name === 'invalid argument' ? 'invalid argument' : name);
  });

  it('runs a valid one and answers its result', async () => {
    expect(await browser.execute('mobile: setBattery', { level: 55, charging: true })).toEqual({
      level: 55,
      charging: true,
    });
    expect(await browser.execute('mobile:advanceClock', { ms: 1000 })).toMatchObject({ clockMs: expect.any(Number) });
  });
});

describe('elements', () => {
  it('answers no such element for a locator that matches nothing', async () => {
    const found = await browser.findElement('accessibility id', 'backup-start');
    expect(found).toMatchObject({ error: 'no such element' });
    expect((found as unknown as { message: string }).message).toBe(
      'element-not-found: no element by accessibility id "backup-start" on the home screen.',
    );
    expect(await browser.findElements('xpath', '//android.widget.Switch')).toEqual([]);
  });

  it('answers stale element for an element no longer on the screen', async () => {
    await browser.$('~tab-home').click();
    const activate = await browser.findElement('accessibility id', 'home-activate');
    await browser.$('~tab-more').click();
    const error = await refusal(browser.elementClick(activate['element-6066-11e4-a52e-4f735466cecf']));
    expect(error.message).toContain('element-stale: No element "home-activate" on the more screen now.');
    expect(`${error.name} ${error.message}`).toContain('stale element reference');
  });

  it('refuses a locator strategy or an XPath it cannot take', async () => {
    const strategy = await refusal(browser.findElement('-android uiautomator', 'new UiSelector()'));
    expect(strategy.message).toContain("Locator Strategy '-android uiautomator' is not supported");
    const bad = await refusal(browser.findElement('xpath', '//['));
    expect(bad.message).toContain('locator-invalid: The XPath "//[" is not valid');
    const value = await refusal(browser.findElement('xpath', 'count(//*)'));
    expect(value.message).toContain('locator-invalid: The XPath "count(//*)" selects a value, not elements.');
  });

  it('reads checked, enabled and selected', async () => {
    await browser.$('~tab-more').click();
    const automated = await browser.$('~more-automated-backup');
    expect(await automated.getAttribute('checked')).toBe('true');
    await automated.click();
    expect(await automated.getAttribute('checked')).toBe('false');
    expect(await browser.$('~more-free-up-limit').getAttribute('enabled')).toBe('false');
    expect(await browser.$('~tab-more').getAttribute('selected')).toBe('true');
    expect(await browser.$('~more-free-up-limit').isEnabled()).toBe(false);
  });
});
