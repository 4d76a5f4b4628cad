import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, photo, sha256, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('pair → upload → commit → list → restore', () => {
  let t: TestServer;
  afterEach(async () => t?.close());

  it('restores byte-identical content stored in the seed layout', async () => {
    t = await startTestServer('pro');
    const device = await t.pairDevice('Redmi Note 8');
    const backup = await device.call('startBackup', { body: {} });
    const files = [bytesOf(1, 300_000), bytesOf(2, 1), bytesOf(3, 0)];
    const items = [];
    for (const [i, bytes] of files.entries()) {
      items.push(await device.uploadItem(backup.backupId, bytes, photo(`IMG_${i}.jpg`), sha256(bytes)));
    }
    expect(items.map((i) => i.storedAs)).toEqual([
      `blocks/${backup.folder}/0/000001.JPG`,
      `blocks/${backup.folder}/0/000002.JPG`,
      `blocks/${backup.folder}/0/000003.JPG`,
    ]);
    const snapshot = await device.call('commitBackup', {
      params: { backupId: backup.backupId },
      body: { present: items.map((i) => i.sha256), accounts: [] },
    });
    expect(snapshot.counts).toEqual({ photos: 3, videos: 0, files: 0, twoFactorAccounts: 0 });

    const self = await device.call('getSelf');
    expect(self.backupPath).toMatch(/^Redmi Note 8\/\d{13}$/);
    for (const [i, bytes] of files.entries()) {
      const onDisk = path.join(t.dataDir, self.backupPath, items[i]!.storedAs);
      expect(readFileSync(onDisk).equals(bytes)).toBe(true);
      expect((await device.download(sha256(bytes))).equals(bytes)).toBe(true);
    }
    const page = await device.call('listItems', { query: { tab: 'recent' } });
    expect(page.items.map((i) => i.sha256)).toEqual(files.map(sha256));
    expect(existsSync(path.join(t.dataDir, '.mbs', 'mbs.sqlite'))).toBe(true);

    // A later job with nothing new stores nothing and counts nothing; one new photo counts one.
    const again = await device.call('startBackup', { body: {} });
    const fresh = bytesOf(4, 100);
    await device.uploadItem(again.backupId, files[0]!, photo('IMG_0.jpg'), sha256(files[0]!));
    await device.uploadItem(again.backupId, fresh, photo('IMG_9.jpg'), sha256(fresh));
    const second = await device.call('commitBackup', {
      params: { backupId: again.backupId },
      body: { present: [...files, fresh].map(sha256), accounts: [] },
    });
    expect(second.counts).toEqual({ photos: 1, videos: 0, files: 0, twoFactorAccounts: 0 });
  });
});
