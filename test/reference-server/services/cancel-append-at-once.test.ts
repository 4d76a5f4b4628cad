/**
 * An upload's last append and its cancel sent at once, over real HTTP (PROTOCOL.md "Backup", cancelUpload). Either
 * order is the server's to take, but only one of them takes: the item is confirmed and the cancel finds no upload
 * (`upload-not-found`), or the upload is discarded and the append finds none. The loser leaves nothing behind: no
 * item listed or downloadable after a cancel that took, no upload record without its part file, no part file or
 * item file without its record, and announcing the bytes again starts at offset 0.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotState } from '../../helpers/state-snapshot.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { bytesOf, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { atOnce, halfSent, outcomeOf } from './append-race-fixture.js';

type Announced = Awaited<ReturnType<typeof halfSent>>['body'];

/** Rounds enough for both orders to come up. */
const ROUNDS = 16;

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The item files under the device's folder: one for each item confirmed, none for a discarded upload. */
function itemFiles(dataDir: string): string[] {
  const files = Object.entries(snapshotState(dataDir).files);
  return files.filter(([name, size]) => typeof size === 'number' && !name.startsWith('.mbs')).map(([name]) => name);
}

describe('the last append of an upload and its cancel sent at once', () => {
  it('either confirm the item or discard the upload, never both, and leave nothing of the other', async () => {
    t = await startTestServer('pro');
    const device = await t.pairDevice('Pixel 7');
    const { backupId } = await device.call('startBackup', { body: {} });
    const taken = { completed: 0, cancelled: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const bytes = bytesOf(round + 1, 1000 + 700 * round);
      const sha = sha256(bytes);
      const { body, uploadId, half } = await halfSent(device, backupId, round, bytes);

      const [appended, cancelled] = await atOnce(
        round,
        () => outcomeOf(device.append(uploadId, half, bytes.subarray(half))),
        () => outcomeOf(device.call('cancelUpload', { params: { uploadId } })),
      );

      if ('answer' in appended) {
        expect(appended.answer).toMatchObject({ complete: true, item: { sha256: sha } });
        expect(cancelled).toMatchObject({ error: { code: 'upload-not-found', status: 404 } });
        expect((await device.download(sha)).equals(bytes)).toBe(true);
        taken.completed += 1;
      } else {
        expect(cancelled).toEqual({ answer: undefined });
        expect(appended).toMatchObject({ error: { code: 'upload-not-found', status: 404 } });
        await expect(device.call('getItem', { params: { sha256: sha } })).rejects.toMatchObject({
          code: 'item-not-found',
        });
        await startsAgain(device, body);
        taken.cancelled += 1;
      }
      await gone(device, uploadId);
    }
    await nothingLeft(device, taken.completed);
  });

  it('a part of the bytes and the cancel: the upload is discarded, with or without that part first', async () => {
    t = await startTestServer('pro');
    const device = await t.pairDevice('Pixel 7');
    const { backupId } = await device.call('startBackup', { body: {} });
    for (let round = 0; round < ROUNDS; round++) {
      const bytes = bytesOf(round + 50, 1000 + 700 * round);
      const { body, uploadId, half } = await halfSent(device, backupId, round, bytes);
      const [appended, cancelled] = await atOnce(
        round,
        () => outcomeOf(device.append(uploadId, half, bytes.subarray(half, -1))),
        () => outcomeOf(device.call('cancelUpload', { params: { uploadId } })),
      );
      // Taken first, the part answers its new offset; taken after the cancel, it finds no upload.
      expect(cancelled).toEqual({ answer: undefined });
      if ('answer' in appended) {
        expect(appended.answer).toMatchObject({ complete: false, upload: { offset: bytes.length - 1 } });
      } else {
        expect(appended).toMatchObject({ error: { code: 'upload-not-found', status: 404 } });
      }
      await gone(device, uploadId);
      await startsAgain(device, body);
    }
    await nothingLeft(device, 0);
  });
});

/** The upload is no longer open. */
async function gone(device: MbsClient, uploadId: string): Promise<void> {
  await expect(device.call('getUpload', { params: { uploadId } })).rejects.toMatchObject({ code: 'upload-not-found' });
}

/** Announcing a discarded upload's bytes again opens a new upload at offset 0 (no record of the old one is left). */
async function startsAgain(device: MbsClient, body: Announced): Promise<void> {
  const again = await device.call('createUpload', { body });
  expect(again).toMatchObject({ status: 'created', upload: { offset: 0 } });
  if (again.status === 'created') await device.call('cancelUpload', { params: { uploadId: again.upload.uploadId } });
}

/** Nothing of a discarded upload outlives it: no upload record, no part file, and one item file per item listed. */
async function nothingLeft(device: MbsClient, items: number): Promise<void> {
  const dataDir = (t as TestServer).dataDir;
  const listed = await device.call('listItems', { query: { limit: 100 } });
  expect(listed.items).toHaveLength(items);
  expect(snapshotState(dataDir).tables.uploads).toEqual([]);
  expect(readdirSync(path.join(dataDir, '.mbs', 'uploads'))).toEqual([]);
  expect(itemFiles(dataDir)).toHaveLength(items);
}
