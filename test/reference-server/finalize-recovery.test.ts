/**
 * The two crash points inside finishing an upload, reproduced exactly: the file was verified and its place recorded,
 * then the process died before (a) or after (b) the rename into the blocks folder. A restart completes both.
 */
import { appendFileSync, existsSync, renameSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { bytesOf, photo, sha256, startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';

describe('recovery of an upload interrupted while it was being finished', () => {
  let t: TestServer | undefined;
  afterEach(async () => t?.close());

  for (const renamed of [false, true]) {
    it(`completes it when the crash came ${renamed ? 'after' : 'before'} the rename`, async () => {
      const dataDir = tempDir();
      t = await startTestServer('home', { dataDir });
      const device = await t.pairDevice('Huawei P10');
      const backup = await device.call('startBackup', { body: {} });
      const bytes = bytesOf(42, 70_000);
      const created = await device.call('createUpload', {
        body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('P.jpg') },
      });
      if (created.status !== 'created') throw new Error('expected a new upload');
      await device.append(created.upload.uploadId, 0, bytes.subarray(0, bytes.length - 1));
      const self = await device.call('getSelf');
      await t.close();
      t = undefined;

      // What finish() had done when the process died: last byte written, final place recorded (and maybe renamed).
      const part = path.join(dataDir, '.mbs', 'uploads', `${created.upload.uploadId}.part`);
      appendFileSync(part, bytes.subarray(bytes.length - 1));
      const storedAs = `blocks/${backup.folder}/0/000001.JPG`;
      const finalPath = `${self.backupPath}/${storedAs}`;
      const db = new Database(path.join(dataDir, '.mbs', 'mbs.sqlite'));
      db.prepare('UPDATE uploads SET final_path = ?, stored_as = ?, seq = 1 WHERE id = ?').run(
        finalPath,
        storedAs,
        created.upload.uploadId,
      );
      db.prepare('UPDATE devices SET next_seq = 2').run();
      db.close();
      if (renamed) {
        mkdirSync(path.dirname(path.join(dataDir, finalPath)), { recursive: true });
        renameSync(part, path.join(dataDir, finalPath));
      }

      t = await startTestServer('home', { dataDir });
      const restarted = new MbsClient({ baseUrl: t.server.url, deviceKey: device.deviceKey as string });
      const items = await restarted.call('listItems', {});
      expect(items.items).toHaveLength(1);
      expect(items.items[0]).toMatchObject({ sha256: sha256(bytes), storedAs, tab: 'recent' });
      expect((await restarted.download(sha256(bytes))).equals(bytes)).toBe(true);
      expect(existsSync(part)).toBe(false);
      await expect(
        restarted.call('getUpload', { params: { uploadId: created.upload.uploadId } }),
      ).rejects.toMatchObject({
        code: 'upload-not-found',
      });
    });
  }
});
