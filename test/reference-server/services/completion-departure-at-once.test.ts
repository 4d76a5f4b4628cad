/**
 * An upload's last append sent at once with its device's departure, over real HTTP: the device removed from the
 * console, or migrated away from (PROTOCOL.md removeDevice, "Migration"). Either order is the server's to take. The
 * append taken first confirms the item, which a migration hands to the replacement whole (in Archive); the departure
 * taken first discards the upload and the append answers what the departed device's every request answers
 * (`device-unauthorized`). Either way no upload record or part file outlives it, and an item file is left only for an
 * item that was confirmed (a removed device's files stay on disk).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { bytesOf, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { atOnce, halfSent, migrate, outcomeOf } from './append-race-fixture.js';

/** Rounds enough for both orders to come up; each takes a device of its own. */
const ROUNDS = 12;

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Item files under the devices' folders. */
function itemFiles(dataDir: string): number {
  const files = Object.entries(snapshotState(dataDir).files);
  return files.filter(([name, size]) => typeof size === 'number' && !name.startsWith('.mbs')).length;
}

/** A new device of `server` with an upload holding the first half of `bytes`, and its last append to send. */
async function halfSentByNew(server: TestServer, round: number, bytes: Buffer) {
  const device = await server.pairDevice(`Phone ${round}`);
  const { backupId } = await device.call('startBackup', { body: {} });
  const { body, uploadId, half } = await halfSent(device, backupId, round, bytes);
  const last = () => outcomeOf(device.append(uploadId, half, bytes.subarray(half)));
  return { device, body, last };
}

function leftOf(server: TestServer): { uploads: readonly unknown[]; parts: string[] } {
  const uploads = snapshotState(server.dataDir).tables.uploads ?? [];
  return { uploads, parts: readdirSync(path.join(server.dataDir, '.mbs', 'uploads')) };
}

describe("an upload's last append and its device's departure sent at once", () => {
  it('a removal: the item is confirmed or the append refused as the removed device, nothing half left', async () => {
    const server = (t = await startTestServer('pro'));
    let confirmed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const bytes = bytesOf(round + 1, 1000 + 600 * round);
      const { device, last } = await halfSentByNew(server, round, bytes);
      const removal = () => outcomeOf(server.console.call('removeDevice', { params: { deviceId: device.deviceId } }));
      const [appended, removed] = await atOnce(round, last, removal);
      expect(removed).toEqual({ answer: undefined });
      if ('answer' in appended) {
        expect(appended.answer).toMatchObject({ complete: true, item: { sha256: sha256(bytes) } });
        confirmed += 1;
      } else {
        expect(appended).toMatchObject({ error: { code: 'device-unauthorized', status: 401 } });
      }
      await expect(device.call('getSelf')).rejects.toMatchObject({ code: 'device-unauthorized' });
    }
    expect(leftOf(server)).toEqual({ uploads: [], parts: [] });
    expect(itemFiles(server.dataDir)).toBe(confirmed);
  });

  it('a migration: the replacement holds the item whole, or starts its upload again at 0', async () => {
    const server = (t = await startTestServer('pro'));
    let confirmed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const bytes = bytesOf(round + 100, 1000 + 600 * round);
      const { device, body, last } = await halfSentByNew(server, round, bytes);
      const [appended, replacement] = await atOnce(round, last, () => migrate(server, device.deviceId));
      const later = await replacement.call('startBackup', { body: {} });
      const again = await replacement.call('createUpload', { body: { ...body, backupId: later.backupId } });
      if ('answer' in appended) {
        expect(appended.answer).toMatchObject({ complete: true, item: { sha256: body.sha256 } });
        expect(again).toMatchObject({ status: 'duplicate', item: { sha256: body.sha256, tab: 'archive' } });
        expect((await replacement.download(body.sha256)).equals(bytes)).toBe(true);
        confirmed += 1;
      } else {
        expect(appended).toMatchObject({ error: { code: 'device-unauthorized', status: 401 } });
        expect(again).toMatchObject({ status: 'created', upload: { offset: 0 } });
        if (again.status === 'created') {
          await replacement.call('cancelUpload', { params: { uploadId: again.upload.uploadId } });
        }
      }
    }
    expect(leftOf(server)).toEqual({ uploads: [], parts: [] });
    expect(itemFiles(server.dataDir)).toBe(confirmed);
  });
});
