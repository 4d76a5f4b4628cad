/**
 * The More page over Appium through its page objects: the switches, the free up space limit picker, the language
 * list, and Help → App Log with its filter, on an iPhone (XCUITest-shaped answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsApp } from '../../../devices/appium-driver/page-objects/mbs-app.js';
import { encodePairingPayload } from '../../../conformance/spec/protocol/pairing.js';
import { LOG_TYPES } from '../../../simulators/app/app-log.js';
import { slug } from '../../../simulators/session/ui-element.js';
import { simulator, startAppiumFixture, type AppiumFixture } from './appium-fixture.js';

let fixture: AppiumFixture;
let app: MbsApp;
beforeAll(async () => {
  fixture = await startAppiumFixture();
  app = new MbsApp(await fixture.session(simulator('iphone-se-2nd-gen', 'http://127.0.0.1:9', 'iOS')));
});
afterAll(() => fixture?.close());

describe('More over Appium', () => {
  it('sets the switches, the free up space limit and the language', async () => {
    await app.tabs.more();
    await app.more.set('chargingOnly', true);
    await app.more.set('powerSaving', false);
    expect(await app.more.isEnabled('moreFreeUpLimit')).toBe(false);
    await app.more.set('freeUpSpace', true);
    expect(await app.more.freeUpSaid()).toBe('Free up space is successfully enabled.');
    await app.more.set('freeUpSpace', false);
    expect(await app.more.freeUpSaid()).toBe('Free up space is successfully disabled.');
    await app.more.set('freeUpSpace', true);
    await app.more.setFreeUpLimit(8);
    expect(await app.more.freeUpSaid()).toBe('Free up space limit is successfully set.');
    await app.more.setLanguage('japanese');
    const { settings } = await app.device.appState();
    expect(settings).toMatchObject({
      backupWhileChargingOnly: true,
      powerSaving: false,
      freeUpSpace: true,
      freeUpSpaceLimitGb: 8,
      language: 'Japanese',
    });
    expect(await app.more.text('moreFreeUpLimit')).toBe('Free up space limit: 8 GB');
    expect(await app.more.freeUpStatus()).toMatch(/^Enabled\. Safely backed up contents will be removed/);
    expect(await app.more.freeUpNote()).toContain('“Recently Deleted” folder for up to 40 days');
  });

  it('opens the App Log and filters it by type', async () => {
    await app.tabs.home();
    await app.home.activate();
    // A well-formed pairing code of a machine that is not there: the registration fails and the log says so.
    const payload = encodePairingPayload({
      v: 1,
      server: 'srv1',
      edition: 'pro',
      host: '127.0.0.1',
      tcp: 9,
      udp: 9,
      token: 'abcdefghijklmnop',
      mode: 'add',
      expires: Date.now() + 60_000,
    });
    expect(await app.device.scanQr(payload)).toEqual({ ok: true, scanned: 'pairing' });
    await app.home.confirmPairing();
    expect(await app.home.message()).toBe('http://127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9');
    await app.home.dismissMessage();
    await app.tabs.more();
    await app.more.openAppLog();
    const all = await app.more.logCount();
    expect(all).toBeGreaterThan(0);
    await app.more.filterLog(['general-info'], LOG_TYPES.map(slug));
    expect(await app.more.logCount()).toBe(0);
    await app.more.filterLog(LOG_TYPES.map(slug), LOG_TYPES.map(slug));
    expect(await app.more.logCount()).toBe(all);
  });
});
