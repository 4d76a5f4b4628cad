/** Connections dropped at random offsets: the upload resumes from the server's offset and completes intact. */
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsError } from '../../conformance/spec/errors.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
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

describe('resumable upload', () => {
  it('completes byte-identical after drops at random offsets', async () => {
    const device = await t.pairDevice('Samsung Note 10');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
        async (size, cuts) => {
          const bytes = bytesOf(++n * 7919, size);
          const backup = await device.call('startBackup', { body: {} });
          const created = await device.call('createUpload', {
            body: { backupId: backup.backupId, sha256: sha256(bytes), size, meta: photo(`R${n}.png`) },
          });
          if (created.status === 'duplicate') return;
          const uploadId = created.upload.uploadId;
          let from = 0;
          for (const cut of [...cuts].sort()) {
            // A drop happens before the last byte: with every byte sent, the append simply completes.
            const to = Math.max(from, Math.min(size - 1, Math.floor(cut * size)));
            if (to > from) await appendThenDrop(device, uploadId, bytes, from, to);
            from = (await device.call('getUpload', { params: { uploadId } })).offset;
          }
          const item = await resume(device, uploadId, bytes);
          expect(item.sha256).toBe(sha256(bytes));
          expect((await device.download(item.sha256)).equals(bytes)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
    expect(readdirSync(path.join(t.dataDir, '.mbs', 'uploads'))).toEqual([]);
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
