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
import { bytesOf, photo, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { atOnce, outcomeOf } from './append-race-fixture.js';

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
      const body = { backupId, sha256: sha, size: bytes.length, meta: photo(`IMG_${round}.jpg`) };
      const created = await device.call('createUpload', { body });
      if (created.status !== 'created') throw new Error(`round ${round}: announced as ${created.status}`);
      const uploadId = created.upload.uploadId;
      const half = bytes.length >> 1;
      await device.append(uploadId, 0, bytes.subarray(0, half));

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
        const again = await device.call('createUpload', { body });
        expect(again).toMatchObject({ status: 'created', upload: { offset: 0 } });
        if (again.status === 'created') {
          await device.call('cancelUpload', { params: { uploadId: again.upload.uploadId } });
        }
        taken.cancelled += 1;
      }
      await expect(device.call('getUpload', { params: { uploadId } })).rejects.toMatchObject({
        code: 'upload-not-found',
      });
    }
    expect(taken.completed + taken.cancelled).toBe(ROUNDS);
    // Nothing of a discarded upload outlives it: no upload record, no part file, and one item file per item.
    const listed = await device.call('listItems', { query: { limit: 100 } });
    expect(listed.items).toHaveLength(taken.completed);
    expect(snapshotState(t.dataDir).tables.uploads).toEqual([]);
    expect(readdirSync(path.join(t.dataDir, '.mbs', 'uploads'))).toEqual([]);
    expect(itemFiles(t.dataDir)).toHaveLength(taken.completed);
  });
});
