/**
 * A simulated Android and a simulated iOS device against the reference server on 127.0.0.1: pair from the QR
 * payload, back up, stop mid-job, resume, free up space, restore; the server's copy is checked byte for byte.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MobileApp } from '../../../simulators/app/mobile-app.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import { contentOf } from '../../../simulators/device/media.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { device, GB, media } from '../../helpers/sim.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => t.close());

async function qr(): Promise<string> {
  return (await t.console.call('createPairing', { body: { mode: 'add' } })).payload;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe.each(['android', 'ios'] as const)('%s device with the reference server', (platform) => {
  it('backs up, stops, resumes without sending a byte twice, frees up space and restores', async () => {
    const phone = device(platform);
    const app = new MobileApp(phone);
    app.updateSettings({ automatedBackup: false });
    await app.scanQr(await qr());
    const sizes = [700_000, 300_000, 120_000, 90_000, 1];
    const items = sizes.map((size, i) => phone.addMedia(media(`IMG_${i}.jpg`, size, Date.UTC(2021, 0, 1 + i))));
    phone.addMedia(media('VID_1.mp4', 400_000, Date.UTC(2020, 5, 1)));
    phone.addMedia(media('notes.pdf', 2_000, Date.UTC(2019, 0, 1)));

    const running = app.backup();
    await waitFor(() => (app.backupJob?.bytesSent ?? 0) > 0, 'the first chunk');
    app.stop();
    await running;
    expect(app.backupJob?.state).toBe('stopped');
    const done = await app.backup();
    expect(done.state).toBe('completed');
    const expectedFiles = platform === 'android' ? 1 : 0;
    expect(done.counts).toEqual({ photos: 5, videos: 1, files: expectedFiles, twoFactorAccounts: 0 });
    const uploaded = phone.mediaItems().filter((i) => platform === 'android' || i.kind !== 'document');
    expect(done.bytesSent).toBe(uploaded.reduce((n, i) => n + i.size, 0));
    expect(app.log.visible()[0]?.message).toBe(
      platform === 'android'
        ? 'Backup completed: 5 Photos, 1 Videos, 1 Files, and 0 2FA Accounts'
        : 'Backup completed: 5 Photos, 1 Videos, and 0 2FA Accounts',
    );

    // The server's copy, byte for byte, in the seed's layout.
    const self = await app.client().call('getSelf');
    const listed = await app.listRestorable('recent');
    expect(listed).toHaveLength(uploaded.length);
    for (const item of uploaded) {
      const held = listed.find((l) => l.sha256 === hashOf(item));
      expect(held?.storedAs).toMatch(/^blocks\/\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\/0\/[0-9a-f]{6}\.(JPG|MP4|PDF)$/);
      expect(readFileSync(path.join(t.dataDir, self.backupPath, held!.storedAs)).equals(contentOf(item))).toBe(true);
    }

    // Free up space: just below the 2 GB limit, the oldest confirmed photo or video goes.
    app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
    phone.setFreeBytes(2 * GB - 1);
    await app.freeUpSpace();
    expect(phone.mediaItems().some((i) => i.name === 'VID_1.mp4')).toBe(false);
    expect(phone.mediaItems().some((i) => i.name === 'notes.pdf')).toBe(true);
    const archive = await app.listRestorable('archive');
    expect(archive.map((i) => i.meta.name)).toEqual(['VID_1.mp4']);
    if (platform === 'ios') expect(phone.recentlyDeleted().map((d) => d.item.name)).toEqual(['VID_1.mp4']);

    // Remove a photo by hand, back up again: it moves to the Deleted tab; then restore everything.
    phone.removeMedia(items[1]!.id);
    phone.setFreeBytes(10 * GB);
    const second = await app.backup();
    expect(second.state).toBe('completed');
    expect((await app.listRestorable('deleted')).map((i) => i.meta.name)).toEqual(['IMG_1.jpg']);
    const all = [...(await app.listRestorable('recent')), ...archive, ...(await app.listRestorable('deleted'))];
    const restore = await app.restore(all);
    expect(restore.state).toBe('completed');
    expect(restore.restored).toEqual({ photo: 1, video: 1, document: 0 });
    expect(restore.skipped).toEqual({ photo: 4, video: 0, document: expectedFiles });
    const back = phone.mediaItems().find((i) => hashOf(i) === hashOf(items[1]!));
    if (platform === 'android') {
      expect(back).toMatchObject({ name: 'IMG_1.jpg', path: items[1]!.path, capturedAt: items[1]!.capturedAt });
      expect(back?.exif).toEqual(items[1]!.exif);
    } else {
      expect(back?.name).not.toBe('IMG_1.jpg');
      expect(back?.id).not.toBe(items[1]!.id);
      expect(Object.keys(back?.exif ?? {})).toEqual(['DateTime']);
    }
    expect(back?.modifiedAt).not.toBe(items[1]!.modifiedAt);
  });
});

describe('run conditions in a live job', () => {
  it('holds below 30% battery and goes on by itself when plugged in and charged', async () => {
    const phone = device('android', { battery: { level: 29, charging: false } });
    const app = new MobileApp(phone);
    app.updateSettings({ automatedBackup: false });
    await app.scanQr(await qr());
    phone.addMedia(media('a.jpg', 1000));
    const job = await app.backup();
    expect(job.state).toBe('held');
    expect(job.holdReasons).toEqual(['battery-low']);
    phone.setBattery(30, true);
    await waitFor(() => job.state === 'completed', 'the held job to finish');
    expect(job.counts?.photos).toBe(1);
  });

  it('starts an automated backup when conditions become true (iOS: only in the foreground)', async () => {
    const phone = device('ios');
    phone.setNetwork({ wifi: null });
    const app = new MobileApp(phone);
    await app.scanQr(await qr());
    phone.addMedia(media('b.jpg', 1000));
    expect(app.backupJob).toBeUndefined();
    phone.setForeground(false);
    phone.setNetwork({ wifi: 'home', backupMachineReachable: true });
    expect(app.backupJob).toBeUndefined();
    phone.setForeground(true);
    await waitFor(() => app.backupJob?.state === 'completed', 'the automated backup');
  });

  it('refuses an unsupported OS and a QR payload that is not a pairing payload', async () => {
    expect(() => new MobileApp(device('ios', { osVersion: '10.3.4' }))).toThrow(
      expect.objectContaining({ code: 'os-unsupported' }),
    );
    const app = new MobileApp(device('android'));
    await expect(app.scanQr('https://example.com')).rejects.toMatchObject({ code: 'pairing-payload-invalid' });
    await expect(app.setConnection({ mode: 'manual', host: '123.456.7&.115' })).rejects.toMatchObject({
      code: 'not-paired',
    });
    await app.scanQr(await qr());
    await expect(app.setConnection({ mode: 'manual', host: '123.456.7&.115' })).rejects.toMatchObject({
      code: 'host-invalid',
      message: 'Connection failed. Make sure you have entered the correct host name / IP address.',
    });
    await app.setConnection({ mode: 'auto' });
    expect(app.pairing?.tcpPort).toBe(t.server.identity.tcpPort);
    await app.setConnection({ mode: 'manual', host: '127.0.0.1' });
  });
});
