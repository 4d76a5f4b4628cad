/**
 * The same scenario through the two AppDrivers, in process and over Appium, against one reference server: the app
 * must end in the same observable state either way (what a check's verdict is drawn from).
 */
import type { Browser } from 'webdriverio';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inProcessDriver,
  webDriver,
  type AppDriver,
  type CommandTimes,
} from '../../../devices/appium-driver/app-driver.js';
import { openW3cSession, W3cCommandError } from '../../../devices/appium-driver/w3c-session.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { SimulatorSession } from '../../../simulators/session/simulator-session.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { simulator, startAppiumFixture, type AppiumFixture } from './appium-fixture.js';

let t: TestServer;
let fixture: AppiumFixture;
let browser: Browser;
beforeAll(async () => {
  [t, fixture] = await Promise.all([startTestServer('pro'), startAppiumFixture()]);
  browser = await fixture.session(simulator('samsung-galaxy-a12', t.server.url));
});
afterAll(async () => {
  await fixture?.close();
  await t?.close();
});

/** Pairs, backs up photos and a document with power saving off at 10% battery, and filters the log. */
async function scenario(driver: AppDriver) {
  const { payload } = await t.console.call('createPairing', { body: { mode: 'add' } });
  await driver.tap('tab-more');
  await driver.tap('more-automated-backup');
  await driver.tap('more-power-saving');
  await driver.tap('tab-home');
  await driver.tap('home-activate');
  await driver.execute('mobile: scanQr', { payload });
  await driver.tap('pair-confirm');
  await driver.execute('mobile: setBattery', { level: 10, charging: false });
  await driver.execute('mobile: addMedia', { kind: 'photo', count: 4, sizeBytes: 12_000 });
  await driver.execute('mobile: addMedia', { kind: 'document', count: 1, sizeBytes: 3_000 });
  await driver.tap('tab-backup');
  await driver.tap('backup-start');
  await driver.execute('mobile: waitForIdle', {});
  const status = await driver.text('backup-status');
  const state = await driver.execute('mobile: appState');
  const shot = PNG.sync.read(Buffer.from(await driver.screenshot(), 'base64'));
  return {
    screenshot: { width: shot.width, height: shot.height },
    status,
    settings: state.settings,
    backup: state.backup && { ...state.backup, bytesSent: state.backup.bytesSent > 0 },
    holdReasons: state.holdReasons,
    media: state.media,
    log: state.log.map((e) => e.type),
    screen: state.screen,
  };
}

describe('AppDriver in process and over Appium', () => {
  it('ends in the same observable state', async () => {
    const inProcess = await scenario(
      inProcessDriver(new SimulatorSession({ spec: loadProfile('samsung-galaxy-a12'), serverUrl: t.server.url })),
    );
    const times: CommandTimes = new Map();
    const overAppium = await scenario(webDriver(browser, times));
    expect(inProcess.status).toBe('Backup completed: 4 Photos, 0 Videos, 1 Files, and 0 2FA Accounts');
    expect(overAppium).toEqual(inProcess);
    expect(inProcess.screenshot.width).toBeGreaterThan(100);
    expect([...times.keys()]).toEqual(
      expect.arrayContaining(['findElement', 'elementClick', 'getElementText', 'execute mobile: appState']),
    );
  });

  it('ends in the same state over the lean W3C session, each element found once while it stays shown', async () => {
    const inProcess = await scenario(
      inProcessDriver(new SimulatorSession({ spec: loadProfile('samsung-galaxy-a12'), serverUrl: t.server.url })),
    );
    const lean = await openW3cSession(fixture.appium.url, {
      platformName: 'Android',
      'appium:automationName': 'MbsSimulator',
      ...simulator('samsung-galaxy-a12', t.server.url),
    });
    try {
      const times: CommandTimes = new Map();
      const driver = webDriver(lean, times, undefined, { keepReferences: true });
      expect(await scenario(driver)).toEqual(inProcess);
      const count = (command: string) => times.get(command)?.length ?? 0;
      const [finds, clicks] = [count('findElement'), count('elementClick')];
      expect(finds).toBeGreaterThan(5);
      // Each element was found once by the scenario; back and forth between tabs clicks their kept references.
      for (const tab of ['tab-more', 'tab-home', 'tab-more', 'tab-home']) await driver.tap(tab);
      expect([count('findElement') - finds, count('elementClick') - clicks]).toEqual([0, 4]);
      expect((await driver.execute('mobile: appState')).screen).toBe('home');
      // A kept reference whose element left the screen is stale: the element is looked for anew, and not found.
      const gone = await driver.tap('backup-start').catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(W3cCommandError);
      expect((gone as W3cCommandError).name).toBe('no such element');
      expect(count('findElement') - finds).toBe(1);
      // Shown again, it is the same element: its kept reference reads it.
      await driver.tap('tab-backup');
      expect(await driver.text('backup-status')).toBe(inProcess.status);
      expect(count('findElement') - finds).toBe(1);
      // Error answers throw, named by their W3C code.
      const missing = await lean.findElement('accessibility id', 'no-such-element').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(W3cCommandError);
      expect(missing).toMatchObject({ name: 'no such element', status: 404 });
      // Named by its route, not the random session id: a seed's reasons read the same in every run.
      expect((missing as Error).message).toContain('(POST /session/:sessionId/element)');
      await expect(lean.findElement('css selector', 'div')).rejects.toMatchObject({ name: 'invalid selector' });
    } finally {
      await lean.deleteSession();
    }
  });

  it("refuses a phone below the app's OS minimum with a session not created, named by its code", async () => {
    const refused = await openW3cSession(fixture.appium.url, {
      platformName: 'Android',
      'appium:automationName': 'MbsSimulator',
      ...simulator('samsung-galaxy-a12', t.server.url),
      'appium:device': { osVersion: '4.4' },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(W3cCommandError);
    expect(refused).toMatchObject({ name: 'session not created' });
    expect((refused as Error).message).toMatch(/(^|[^\w-])os-unsupported: /);
  });
});
