import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, photo, sha256, startTestServer, type TestServer } from '../helpers/test-server.js';

/** Which tab each item ends in when a backup job is committed (services/backups.ts writes only the moved rows). */
describe('committing a backup job moves items between tabs', () => {
  let t: TestServer;
  afterEach(async () => t?.close());

  it('moves what the device no longer has to Deleted, keeps Archive, and brings a present item back to Recent', async () => {
    t = await startTestServer('pro');
    const device = await t.pairDevice('Pixel 7');
    const files = [bytesOf(11, 10), bytesOf(12, 20), bytesOf(13, 30)];
    const [a, b, c] = files.map(sha256) as [string, string, string];
    const first = await device.call('startBackup', { body: {} });
    for (const [i, bytes] of files.entries()) {
      await device.uploadItem(first.backupId, bytes, photo(`IMG_${i}.jpg`), sha256(bytes));
    }
    const commit = async (present: string[]) => {
      const job = await device.call('startBackup', { body: {} });
      await device.call('commitBackup', { params: { backupId: job.backupId }, body: { present, accounts: [] } });
    };
    const tabs = async () => {
      const page = await device.call('listItems', { query: {} });
      return Object.fromEntries(page.items.map((item) => [item.sha256, item.tab]));
    };
    await device.call('commitBackup', {
      params: { backupId: first.backupId },
      body: { present: [a, b, c], accounts: [] },
    });
    expect(await tabs()).toEqual({ [a]: 'recent', [b]: 'recent', [c]: 'recent' });

    await device.call('archiveItems', { body: { items: [c] } });
    await commit([a]);
    expect(await tabs()).toEqual({ [a]: 'recent', [b]: 'deleted', [c]: 'archive' });

    await commit([a, b]);
    expect(await tabs()).toEqual({ [a]: 'recent', [b]: 'recent', [c]: 'archive' });

    await commit([]);
    expect(await tabs()).toEqual({ [a]: 'deleted', [b]: 'deleted', [c]: 'archive' });
  });
});
