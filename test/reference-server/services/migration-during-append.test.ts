/**
 * A replacement pairs (migration, seed 000 §11.2) while the original's last append is under way. The original's key
 * stops working, so its append answers `device-unauthorized` as its other requests do, and nothing is stored as the
 * original's. Before its item's place was reserved the migration drops the upload, and nothing of it stays (no
 * record, no part file, no digest state on the hashing thread); once reserved, the replacement takes the upload over,
 * whole and resumable, and completes it with an append of no bytes at its full size.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPEND_STEPS, type AppendStep } from '../../../reference-server/services/append-steps.js';
import { hashThreadHeld } from '../../../reference-server/storage/hash-thread.js';
import { OFF_LOOP_BYTES } from '../../../reference-server/storage/running-digest.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { deviceIdentity, sha256, type TestServer } from '../../helpers/test-server.js';
import { deviceWithUpload, holdAt, outcomeOf } from './append-race-fixture.js';

let open: TestServer | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** Pairs a replacement for `originalId` on `t`. */
async function migrate(t: TestServer, originalId: string): Promise<MbsClient> {
  const pairing = await t.console.call('createPairing', { body: { mode: 'migrate', originalDeviceId: originalId } });
  const replacement = new MbsClient({ baseUrl: t.server.url });
  const paired = await replacement.call('pair', {
    body: { token: pairing.token, edition: 'pro', device: deviceIdentity('Pixel 8') },
  });
  replacement.deviceKey = paired.deviceKey;
  return replacement;
}

/** Every file under the data directory's backup folders (the server's own folder left out). */
function storedFiles(dataDir: string): string[] {
  return Object.entries(snapshotState(dataDir).files)
    .filter(([file, size]) => typeof size === 'number' && !file.startsWith('.mbs'))
    .map(([file]) => file);
}

/** The steps before the item's place is reserved, when a migration drops the upload. */
const DROPPED: readonly AppendStep[] = ['part-opened', 'part-written'];

describe("a migration away from a device while its upload's last append is under way", () => {
  for (const step of Object.keys(APPEND_STEPS) as AppendStep[]) {
    const dropped = DROPPED.includes(step);
    it(`answers device-unauthorized at ${step}, the upload ${dropped ? 'dropped' : 'taken over whole'}`, async () => {
      const hold = holdAt(step);
      const { t, device, bytes, uploadId } = await deviceWithUpload(hold.hook);
      open = t;
      const filesBefore = storedFiles(t.dataDir);
      const heldBefore = await hashThreadHeld();

      const append = outcomeOf(device.append(uploadId, 0, bytes));
      await hold.arrived;
      const replacement = await migrate(t, device.deviceId);
      hold.release();

      expect(await append).toMatchObject({ error: { code: 'device-unauthorized', status: 401 } });
      await expect(device.call('getSelf')).rejects.toMatchObject({ code: 'device-unauthorized', status: 401 });
      expect(snapshotState(t.dataDir).tables.items).toEqual([]);
      expect(storedFiles(t.dataDir)).toEqual(filesBefore);
      expect(await hashThreadHeld()).toBe(heldBefore);
      const parts = readdirSync(path.join(t.dataDir, '.mbs', 'uploads'));
      if (dropped) {
        expect(snapshotState(t.dataDir).tables.uploads).toEqual([]);
        expect(parts).toEqual([]);
        await expect(replacement.call('getUpload', { params: { uploadId } })).rejects.toMatchObject({
          code: 'upload-not-found',
        });
        return;
      }
      expect(parts).toEqual([`${uploadId}.part`]);
      expect(await replacement.call('getUpload', { params: { uploadId } })).toMatchObject({ offset: bytes.length });
      const done = await replacement.append(uploadId, bytes.length, Buffer.alloc(0));
      expect(done).toMatchObject({ complete: true, item: { sha256: sha256(bytes) } });
      expect((await replacement.download(sha256(bytes))).equals(bytes)).toBe(true);
    });
  }
});

describe('the digest state of a large upload', () => {
  it('is dropped from the hashing thread when a migration drops the upload half way', async () => {
    const { t, device, bytes, uploadId } = await deviceWithUpload(undefined, 2 * OFF_LOOP_BYTES);
    open = t;
    const heldBefore = await hashThreadHeld();
    await device.append(uploadId, 0, bytes.subarray(0, OFF_LOOP_BYTES));
    expect(await hashThreadHeld()).toBe(heldBefore + 1);
    await migrate(t, device.deviceId);
    expect(await hashThreadHeld()).toBe(heldBefore);
  });
});
