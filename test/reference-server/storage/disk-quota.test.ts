/**
 * The disk quota (reference-server/storage/disk-quota.ts): past it an item's bytes are refused as a full disk refuses
 * them. Unit: the claim fails with ENOSPC exactly when the data directory would pass the quota. Server: with the
 * directory filled to its quota an append is answered as a full disk is answered (server-disk-full, the answer the
 * server gives to any ENOSPC), no byte of it is kept and nothing is listed; with room again the same upload completes.
 */
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesUnder, DiskQuota } from '../../../reference-server/storage/disk-quota.js';
import { bytesOf, photo, sha256, startTestServer, tempDir, type TestServer } from '../../helpers/test-server.js';

const QUOTA = 64 * 1024 * 1024;

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('DiskQuota.claim', () => {
  it('refuses with ENOSPC a write that would take the directory past the quota, and no other', () => {
    const dir = tempDir('mbs-quota-');
    writeFileSync(path.join(dir, 'a'), Buffer.alloc(600));
    expect(bytesUnder(dir)).toBe(600);
    const quota = new DiskQuota(dir, 1000);
    expect(() => quota.claim(400)).not.toThrow();
    expect(() => quota.claim(401)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a server with --disk-quota', () => {
  it('answers an append past its quota as a full disk, keeps none of it, and completes it once there is room', async () => {
    t = await startTestServer('pro', { diskQuota: QUOTA });
    const device = await t.pairDevice('Pixel 8');
    const bytes = bytesOf(16, 200_000);
    const backup = await device.call('startBackup', { body: {} });
    const created = await device.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('Q1.png') },
    });
    if (created.status === 'duplicate') throw new Error('a fresh server holds no item');
    const { uploadId } = created.upload;
    // Filled to the last byte: a sparse file counts its size against the quota, as the nemesis's filler does.
    const filler = path.join(t.dataDir, 'filler');
    writeFileSync(filler, '');
    truncateSync(filler, QUOTA - bytesUnder(t.dataDir));

    await expect(device.append(uploadId, 0, bytes)).rejects.toMatchObject({ code: 'server-disk-full', status: 507 });
    expect((await device.call('getUpload', { params: { uploadId } })).offset).toBe(0);
    expect((await device.call('listItems', {})).items).toEqual([]);

    rmSync(filler);
    const appended = await device.append(uploadId, 0, bytes);
    expect(appended.complete).toBe(true);
    expect((await device.call('listItems', {})).items.map((i) => i.sha256)).toEqual([sha256(bytes)]);
    expect((await device.download(sha256(bytes))).equals(bytes)).toBe(true);
  });

  it('refuses nothing without a quota, with the same filler in place', async () => {
    t = await startTestServer('pro');
    const device = await t.pairDevice('Pixel 8');
    const bytes = bytesOf(17, 200_000);
    const filler = path.join(t.dataDir, 'filler');
    writeFileSync(filler, '');
    truncateSync(filler, QUOTA);
    const backup = await device.call('startBackup', { body: {} });
    const created = await device.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('Q2.png') },
    });
    if (created.status === 'duplicate') throw new Error('a fresh server holds no item');
    expect((await device.append(created.upload.uploadId, 0, bytes)).complete).toBe(true);
  });
});
