/**
 * Requests about one item sent at once, over real HTTP:
 * - a download and its device's removal (PROTOCOL.md removeDevice, downloadItem): the download gives the whole
 *   item or the removed device's refusal (`device-unauthorized`), never part of the bytes as if they were all;
 * - the same new bytes announced and sent by two devices at once (PROTOCOL.md "Backup": items are content-addressed
 *   per device): each device opens an upload of its own and holds an item of its own, stored in its own folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import { bytesOf, photo, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { atOnce, outcomeOf } from './append-race-fixture.js';

/** Large enough that the removal lands while its bytes are still on their way. */
const LARGE = 6_000_000;
const ROUNDS = 6;

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('a download and its device’s removal sent at once', () => {
  it('give the whole item or device-unauthorized, never a part of it', async () => {
    const server = (t = await startTestServer('pro'));
    for (let round = 0; round < ROUNDS; round++) {
      const device = await server.pairDevice(`Phone ${round}`);
      const { backupId } = await device.call('startBackup', { body: {} });
      const bytes = bytesOf(round + 1, LARGE + round);
      await device.uploadItem(backupId, bytes, photo(`VID_${round}.jpg`), sha256(bytes));
      const download = () => outcomeOf(device.download(sha256(bytes)));
      const removal = () => outcomeOf(server.console.call('removeDevice', { params: { deviceId: device.deviceId } }));
      const [downloaded, removed] = await atOnce(round, download, removal);
      expect(removed).toEqual({ answer: undefined });
      if ('answer' in downloaded) {
        expect(downloaded.answer.length).toBe(bytes.length);
        expect(downloaded.answer.equals(bytes)).toBe(true);
      } else {
        expect(downloaded.error).toBeInstanceOf(MbsError);
        expect(downloaded.error).toMatchObject({ code: 'device-unauthorized', status: 401 });
      }
    }
  });
});

describe('the same new bytes announced and sent by two devices at once', () => {
  it('open an upload for each and confirm an item for each, in its own folder', async () => {
    const server = (t = await startTestServer('pro'));
    const devices = await Promise.all([server.pairDevice('Pixel 7'), server.pairDevice('Pixel 8')]);
    const bytes = bytesOf(7, 40_000);
    const sha = sha256(bytes);
    const announced = await Promise.all(
      devices.map(async (device) => {
        const { backupId } = await device.call('startBackup', { body: {} });
        return device.call('createUpload', {
          body: { backupId, sha256: sha, size: bytes.length, meta: photo('IMG_0001.jpg') },
        });
      }),
    );
    const ids = announced.map((a) => (a.status === 'created' ? a.upload.uploadId : a.status));
    expect(announced.map((a) => a.status)).toEqual(['created', 'created']);
    expect(new Set(ids).size).toBe(2);

    const appended = await Promise.all(devices.map((device, i) => device.append(ids[i] as string, 0, bytes)));
    expect(appended.map((a) => a.complete)).toEqual([true, true]);
    const selves = await Promise.all(devices.map((device) => device.call('getSelf')));
    for (const [i, device] of devices.entries()) {
      const listed = await device.call('listItems', {});
      expect(listed.items.map((item) => item.sha256)).toEqual([sha]);
      expect((await device.download(sha)).equals(bytes)).toBe(true);
      expect(selves[i]?.backupPath).not.toBe(selves[1 - i]?.backupPath);
    }
  });
});
