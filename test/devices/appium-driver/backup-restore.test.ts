/**
 * Backup and restore end to end over WebDriver: Appium 3 with the simulator driver, WebdriverIO page objects, and a
 * reference server (Home edition) on 127.0.0.1. The app pairs from the desktop's QR payload, holds a backup on low
 * battery and says why, stops and resumes, backs up, and restores what was deleted from the device.
 */
import type { Browser } from 'webdriverio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsApp } from '../../../devices/appium-driver/page-objects/mbs-app.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { simulator, startAppiumFixture, type AppiumFixture } from './appium-fixture.js';

let t: TestServer;
let fixture: AppiumFixture;
let browser: Browser;
beforeAll(async () => {
  [t, fixture] = await Promise.all([startTestServer('home'), startAppiumFixture()]);
  browser = await fixture.session(simulator('redmi-note-8', t.server.url));
});
afterAll(async () => {
  await fixture?.close();
  await t?.close();
});

describe('backup and restore over Appium', () => {
  it('pairs, holds on low battery, stops, resumes, backs up, and restores the deleted photos and videos', async () => {
    const app = new MbsApp(browser);
    await app.tabs.more();
    await app.more.set('automatedBackup', false);
    expect(await app.more.isOn('automatedBackup')).toBe(false);
    expect(await app.more.isOn('powerSaving')).toBe(true);

    await app.tabs.home();
    expect(await app.home.status()).toBe('Not paired with a backup machine');
    await app.home.activate();
    const { payload } = await t.console.call('createPairing', { body: { mode: 'add' } });
    expect(await app.device.scanQr(payload)).toEqual({ ok: true, scanned: 'pairing' });
    expect(await app.home.pairingQuestion()).toMatch(/^Pair this phone with the backup machine at 127\.0\.0\.1:\d+\?$/);
    await app.home.confirmPairing();
    expect(await app.home.status()).toMatch(/^Paired with home at 127\.0\.0\.1:\d+$/);
    expect(await app.home.message()).toBe('Device paired successfully.');
    // OK leads to the backup-source choice, every Android source selected; Done returns to the Backup page.
    await app.home.proceedAfterPaired();
    const sources = ['photos', 'videos', 'documents', '2fa'] as const;
    for (const source of sources) expect(await app.sources.isSourceOn(source)).toBe(true);
    await app.sources.toggleSource('2fa');
    await app.sources.done();
    expect(await app.backup.isSourceOn('2fa')).toBe(false);
    expect(await app.backup.isSourceOn('photos')).toBe(true);

    await app.device.addMedia({ kind: 'photo', count: 3, sizeBytes: 30_000 });
    await app.device.addMedia({ kind: 'video', count: 2, sizeBytes: 70_000 });
    await app.device.addMedia({ kind: 'document', count: 1, sizeBytes: 5_000 });
    const before = (await app.device.deviceInfo()).media;
    await app.device.setBattery(29, false);

    await app.tabs.backup();
    await app.backup.start();
    await app.device.waitForIdle();
    expect(await app.backup.status()).toBe('Backup on hold');
    expect(await app.backup.holdReasons()).toEqual(['battery-low']);
    await app.backup.stop();
    expect(await app.backup.status()).toBe('Backup stopped at 0 of 0');
    await app.device.setBattery(30);
    await app.device.waitForIdle();
    expect((await app.device.appState()).backup?.state).toBe('stopped');
    await app.backup.resume();
    await app.device.waitForIdle();
    expect(await app.backup.status()).toBe('Backup completed: 3 Photos, 2 Videos, 1 Files, and 0 2FA Accounts');
    expect(await app.backup.holdReasons()).toEqual([]);

    await app.device.run('mobile: deleteMedia', {});
    await app.backup.openRestore();
    expect(await app.restore.option()).toBe('Original location');
    expect(await app.restore.summary('photo')).toBe('0 of 3 selected, 0B');
    await app.restore.toggleKind('photo');
    expect(await app.restore.colour('photo')).toBe('blue');
    await app.restore.browse('video');
    expect(await app.explorer.perRow()).toBe(4);
    await app.explorer.toggleEnlarge();
    expect(await app.explorer.perRow()).toBe(2);
    await app.explorer.selectAll();
    expect(await app.explorer.selected()).toBe('5 selected, 230.00KB');
    await app.explorer.done();
    expect(await app.restore.colour('document')).toBe('none');
    expect(await app.restore.restore()).toBeUndefined();
    await app.device.waitForIdle();
    expect(await app.backup.restoreStatus()).toBe(
      'Restore completed: 3 Photos, 2 Videos, 0 Files restored; 0 Photos, 0 Videos, 0 Files skipped',
    );
    const after = (await app.device.deviceInfo()).media;
    const photosAndVideos = before.filter((m) => m.kind !== 'document');
    expect(after.map(({ name, path, size }) => ({ name, path, size }))).toEqual(
      photosAndVideos.map(({ name, path, size }) => ({ name, path, size })),
    );
  });

  it('refuses Restore with nothing selected, with the seed message in a dialog', async () => {
    const app = new MbsApp(browser);
    await app.tabs.backup();
    await app.backup.openRestore();
    expect(await app.restore.restore()).toBe('Select photos, videos, documents or 2FA accounts to be able to restore.');
    await app.restore.dismissMessage();
    await app.tabs.back();
    expect(await app.restore.exists('backupStatus')).toBe(true);
  });
});
