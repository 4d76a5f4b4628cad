/**
 * Connections dropped at random offsets: the upload resumes from the server's offset and completes intact, small
 * uploads (hashed as their bytes arrive) and large ones (hashed on a thread of their own) alike.
 */
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsError } from '../../conformance/spec/errors.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { stopHashThread } from '../../reference-server/storage/hash-thread.js';
import { OFF_LOOP_BYTES } from '../../reference-server/storage/running-digest.js';
import { bytesOf, photo, sha256, startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => t.close());

/** Sends `bytes[from..to)` as an append that announces the whole rest, then drops the connection. */
async function appendThenDrop(device: MbsClient, uploadId: string, bytes: Buffer, from: number, to: number) {
  const req = request(new URL(`/v1/uploads/${uploadId}`, device.baseUrl), {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${device.deviceKey}`,
      'content-type': 'application/offset+octet-stream',
      'content-length': String(bytes.length - from),
      'upload-offset': String(from),
    },
  });
  req.on('error', () => undefined);
  req.write(bytes.subarray(from, to));
  for (let i = 0; i < 400; i++) {
    if ((await device.call('getUpload', { params: { uploadId } })).offset >= to) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  req.destroy();
}

/** The client's resume loop: ask for the offset, send the rest; on 409 start again at the offset the server names. */
async function resume(device: MbsClient, uploadId: string, bytes: Buffer) {
  let offset = (await device.call('getUpload', { params: { uploadId } })).offset;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const result = await device.append(uploadId, offset, bytes.subarray(offset));
      if (result.complete) return result.item;
      offset = result.upload.offset;
    } catch (error) {
      if (!(error instanceof MbsError) || error.code !== 'upload-offset-mismatch') throw error;
      offset = error.details?.expectedOffset as number;
    }
  }
  throw new Error('upload did not complete in 10 attempts');
}

/** A new upload of `bytes` in a new backup, or undefined when the server holds them already. */
async function newUpload(device: MbsClient, bytes: Buffer, name: string): Promise<string | undefined> {
  const backup = await device.call('startBackup', { body: {} });
  const created = await device.call('createUpload', {
    body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo(name) },
  });
  return created.status === 'duplicate' ? undefined : created.upload.uploadId;
}

/** Drops the connection once at each of `cuts` (fractions of the upload), before its last byte. */
async function dropAt(device: MbsClient, uploadId: string, bytes: Buffer, cuts: readonly number[]): Promise<void> {
  let from = 0;
  for (const cut of [...cuts].sort()) {
    const to = Math.max(from, Math.min(bytes.length - 1, Math.floor(cut * bytes.length)));
    if (to > from) await appendThenDrop(device, uploadId, bytes, from, to);
    from = (await device.call('getUpload', { params: { uploadId } })).offset;
  }
}

/** Uploads of a size drawn from `sizes`, dropped at `minCuts` to 3 random offsets, resume and complete intact. */
async function completesAfterDrops(name: string, sizes: fc.Arbitrary<number>, minCuts: number, numRuns: number) {
  const device = await t.pairDevice(name);
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      sizes,
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: minCuts, maxLength: 3 }),
      async (size, cuts) => {
        const bytes = bytesOf(++n * 7919, size);
        const uploadId = await newUpload(device, bytes, `R${n}.png`);
        if (!uploadId) return;
        // A drop happens before the last byte: with every byte sent, the append simply completes.
        await dropAt(device, uploadId, bytes, cuts);
        const item = await resume(device, uploadId, bytes);
        expect(item.sha256).toBe(sha256(bytes));
        expect((await device.download(item.sha256)).equals(bytes)).toBe(true);
      },
    ),
    { numRuns },
  );
}

describe('resumable upload', () => {
  it('completes byte-identical after drops at random offsets', async () => {
    await completesAfterDrops('Samsung Note 10', fc.integer({ min: 1, max: 400_000 }), 1, 15);
    expect(readdirSync(path.join(t.dataDir, '.mbs', 'uploads'))).toEqual([]);
  });

  it('completes a large upload, hashed on a thread of its own, byte-identical after drops', async () => {
    await completesAfterDrops('Google Pixel 9', fc.integer({ min: OFF_LOOP_BYTES, max: 3 * 1024 * 1024 }), 0, 6);
    expect(readdirSync(path.join(t.dataDir, '.mbs', 'uploads'))).toEqual([]);
  });

  it('refuses a large upload whose bytes do not hash to what was announced, and keeps none of it', async () => {
    const device = await t.pairDevice('Redmi Note 8');
    const bytes = bytesOf(31, OFF_LOOP_BYTES + 17);
    const wrong = sha256(Buffer.concat([bytes, Buffer.from('x')]));
    const backup = await device.call('startBackup', { body: {} });
    const created = await device.call('createUpload', {
      body: { backupId: backup.backupId, sha256: wrong, size: bytes.length, meta: photo('W.jpg') },
    });
    if (created.status !== 'created') throw new Error(`expected a new upload, got ${created.status}`);
    const refused = await device.append(created.upload.uploadId, 0, bytes).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MbsError);
    expect((refused as MbsError).code).toBe('upload-checksum-mismatch');
    expect((refused as MbsError).details?.actual).toBe(sha256(bytes));
    expect(readdirSync(path.join(t.dataDir, '.mbs', 'uploads'))).toEqual([]);
  });

  it('completes a large upload from its file when the hashing thread ended under it', async () => {
    const device = await t.pairDevice('iPhone 12 mini');
    const bytes = bytesOf(37, 2 * OFF_LOOP_BYTES);
    const uploadId = await newUpload(device, bytes, 'T.jpg');
    if (!uploadId) throw new Error('expected a new upload');
    const half = await device.append(uploadId, 0, bytes.subarray(0, OFF_LOOP_BYTES));
    expect(half.complete).toBe(false);
    await stopHashThread();
    const item = await resume(device, uploadId, bytes);
    expect(item.sha256).toBe(sha256(bytes));
  });

  it('answers an item already held as a duplicate, without a second copy', async () => {
    const device = await t.pairDevice('ASUS_X00ID');
    const backup = await device.call('startBackup', { body: {} });
    const bytes = bytesOf(5, 10_000);
    const first = await device.uploadItem(backup.backupId, bytes, photo('D.gif'), sha256(bytes));
    const second = await device.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('D-copy.gif') },
    });
    expect(second).toEqual({ status: 'duplicate', item: first });
    const self = await device.call('getSelf');
    const folder = path.join(t.dataDir, self.backupPath, 'blocks', backup.folder, '0');
    expect(readdirSync(folder)).toEqual(['000001.GIF']);
  });

  it('resumes a restore download from a byte offset', async () => {
    const device = await t.pairDevice('iPhone 6s');
    const backup = await device.call('startBackup', { body: {} });
    const bytes = bytesOf(11, 123_457);
    await device.uploadItem(backup.backupId, bytes, photo('V.jpg'), sha256(bytes));
    const tail = await device.download(sha256(bytes), 100_000);
    expect(tail.equals(bytes.subarray(100_000))).toBe(true);
  });
});
