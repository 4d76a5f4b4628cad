/**
 * Pairing and migration over Appium through the page objects: a new Android phone's "Device paired successfully"
 * leads to its backup sources (PAIR-17); an iPhone paired as its replacement says the pairing in a dialog of its
 * own, whose OK leads to the migration's (MIG-17), naming the two phones as the desktop lists them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsApp } from '../../../devices/appium-driver/page-objects/mbs-app.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { simulator, startAppiumFixture, type AppiumFixture } from './appium-fixture.js';

let t: TestServer;
let fixture: AppiumFixture;
beforeAll(async () => {
  [t, fixture] = await Promise.all([startTestServer('pro'), startAppiumFixture()]);
});
afterAll(async () => {
  await fixture?.close();
  await t?.close();
});

/** Automated backup off, then "Activate and start backup" with a fresh QR code of `mode`, and OK. */
async function pair(app: MbsApp, body: { mode: 'add' } | { mode: 'migrate'; originalDeviceId: string }) {
  await app.tabs.more();
  await app.more.set('automatedBackup', false);
  await app.tabs.home();
  await app.home.activate();
  const { payload } = await t.console.call('createPairing', { body });
  expect(await app.device.scanQr(payload)).toEqual({ ok: true, scanned: 'pairing' });
  await app.home.confirmPairing();
  await app.device.waitForIdle();
}

const listedName = async (deviceId: string | undefined) =>
  (await t.console.call('listDevices')).devices.find((d) => d.deviceId === deviceId)?.name;

describe('pairing and migration over Appium', () => {
  it('leads a new phone to its sources, and an iPhone replacement through its two dialogs', async () => {
    const original = new MbsApp(await fixture.session(simulator('redmi-note-8', t.server.url)));
    await pair(original, { mode: 'add' });
    expect(await original.home.message()).toBe('Device paired successfully.');
    await original.home.proceedAfterPaired();
    expect(await original.sources.isSourceOn('documents')).toBe(true);
    await original.sources.done();
    expect(await original.backup.status()).toBe('Ready to back up');
    const originalId = (await original.device.appState()).pairing?.deviceId;
    // Listed before the migration: the original's entry takes the replacement's name after it.
    const from = await listedName(originalId);

    const replacement = new MbsApp(await fixture.session(simulator('iphone-12-mini', t.server.url, 'iOS')));
    await pair(replacement, { mode: 'migrate', originalDeviceId: originalId! });
    expect(await replacement.home.message()).toBe('Replacement device is paired successfully.');
    await replacement.home.proceedAfterPaired();
    const replacementId = (await replacement.device.appState()).pairing?.deviceId;
    const to = await listedName(replacementId);
    expect([from, to]).toEqual([expect.stringMatching(/^Redmi Note 8/), expect.stringMatching(/^iPhone 12 mini/)]);
    expect(await replacement.home.migrationResult()).toBe(`Migration of contents from ${from} to ${to} is completed.`);
    await replacement.home.finishMigration();
    expect(await replacement.home.status()).toMatch(/^Paired with pro at 127\.0\.0\.1:\d+$/);
  });
});
