/** Migration seen from the apps (seed 000 §7, §11.2): the replacement inherits the backup in its Archive tab. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MobileApp } from '../../../simulators/app/mobile-app.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { SimulatedDevice } from '../../../simulators/device/simulated-device.js';
import { VirtualClock } from '../../../simulators/clock/virtual-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { device, GB, media } from '../../helpers/sim.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('home');
});
afterAll(async () => t.close());

describe('migration to a replacement device', () => {
  it('moves the backup and 2FA accounts to the replacement, which restores them from Archive', async () => {
    const clock = new VirtualClock();
    const original = new SimulatedDevice(loadProfile('iphone-6'), clock);
    const oldApp = new MobileApp(original);
    oldApp.updateSettings({ automatedBackup: false });
    await oldApp.scanQr((await t.console.call('createPairing', { body: { mode: 'add' } })).payload);
    const photos = [original.addMedia(media('IMG_1.jpg', 5000)), original.addMedia(media('IMG_2.png', 7000))];
    oldApp.accounts.restore([
      {
        id: 'acc1',
        issuer: 'Backup Pro',
        label: 'admin',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        push: true,
      },
    ]);
    expect((await oldApp.backup()).counts).toEqual({ photos: 2, videos: 0, files: 0, twoFactorAccounts: 1 });

    const { devices } = await t.console.call('listDevices');
    const originalId = devices.find((d) => d.name === 'iPhone 6')?.deviceId as string;
    const migrate = await t.console.call('createPairing', { body: { mode: 'migrate', originalDeviceId: originalId } });
    const replacement = new MobileApp(new SimulatedDevice(loadProfile('redmi-note-8'), clock));
    replacement.updateSettings({ automatedBackup: false });
    const pairing = await replacement.scanQr(migrate.payload);
    expect(pairing.deviceId).not.toBe(originalId);

    await expect(oldApp.listRestorable('recent')).rejects.toMatchObject({ code: 'device-unauthorized' });
    const archive = await replacement.listRestorable('archive');
    expect(archive.map((i) => i.sha256).sort()).toEqual(photos.map(hashOf).sort());
    const job = await replacement.restore(archive, { accounts: true });
    expect(job.restored.photo).toBe(2);
    expect(replacement.accounts.list().map((a) => a.id)).toEqual(['acc1']);
    expect(
      replacement.device
        .mediaItems()
        .map((i) => i.name)
        .sort(),
    ).toEqual(['IMG_1.jpg', 'IMG_2.png']);
  });

  it('asks for consent on iOS before free up space; a refusal removes nothing', async () => {
    const phone = device('ios');
    const app = new MobileApp(phone);
    app.updateSettings({ automatedBackup: false, freeUpSpace: true, freeUpSpaceLimitGb: 4 });
    await app.scanQr((await t.console.call('createPairing', { body: { mode: 'add' } })).payload);
    phone.addMedia(media('old.jpg', 10_000, 1));
    phone.deleteConsent = 'deny';
    phone.setFreeBytes(4 * GB - 1);
    await app.backup();
    expect(phone.mediaItems()).toHaveLength(1);
    expect(app.log.visible().some((e) => e.type === 'Free up space Info' && /not allowed/.test(e.message))).toBe(true);
    phone.deleteConsent = 'allow';
    await app.freeUpSpace();
    expect(phone.mediaItems()).toHaveLength(0);
    expect(phone.recentlyDeleted()).toHaveLength(1);
  });
});
