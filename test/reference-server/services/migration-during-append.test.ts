/**
 * A replacement pairs (migration, seed 000 §11.2) while the original's last append is under way. The original's key
 * stops working, so its append answers `device-unauthorized` as its other requests do, and nothing is stored as the
 * original's. Whichever step the migration lands in, before or after the item's place was reserved, the upload is
 * discarded (PROTOCOL.md "Migration"): no record, no part file, no item file, no folder its move made, no digest
 * state on the hashing thread; the replacement cannot reach it, and announcing its bytes starts again at offset 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { APPEND_STEPS, type AppendStep } from '../../../reference-server/services/append-steps.js';
import { hashThreadState } from '../../../reference-server/storage/hash-thread.js';
import { OFF_LOOP_BYTES } from '../../../reference-server/storage/running-digest.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { photo, sha256, type TestServer } from '../../helpers/test-server.js';
import { deviceWithUpload, holdAt, migrate, outcomeOf } from './append-race-fixture.js';

let open: TestServer | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe("a migration away from a device while its upload's last append is under way", () => {
  for (const step of Object.keys(APPEND_STEPS) as AppendStep[]) {
    it(`answers device-unauthorized at ${step} and discards the upload`, async () => {
      const hold = holdAt(step);
      const { t, device, bytes, uploadId } = await deviceWithUpload(hold.hook);
      open = t;
      const before = snapshotState(t.dataDir);
      const heldBefore = (await hashThreadState()).states;

      const append = outcomeOf(device.append(uploadId, 0, bytes));
      await hold.arrived;
      const replacement = await migrate(t, device.deviceId);
      hold.release();

      expect(await append).toMatchObject({ error: { code: 'device-unauthorized', status: 401 } });
      await expect(device.call('getSelf')).rejects.toMatchObject({ code: 'device-unauthorized', status: 401 });
      const after = snapshotState(t.dataDir);
      expect(after.tables.uploads).toEqual([]);
      expect(after.tables.items).toEqual([]);
      // Not a file or folder more or less than before the append: no part file, no item file, no job folder.
      expect(after.files).toEqual(before.files);
      expect((await hashThreadState()).states).toBe(heldBefore);
      await expect(replacement.call('getUpload', { params: { uploadId } })).rejects.toMatchObject({
        code: 'upload-not-found',
      });
      // The job passed to the replacement; announcing the same bytes there starts a new upload at offset 0.
      const [backup] = after.tables.backups as { id: string }[];
      const again = await replacement.call('createUpload', {
        body: { backupId: backup?.id ?? '', sha256: sha256(bytes), size: bytes.length, meta: photo('IMG_0001.JPG') },
      });
      expect(again).toMatchObject({ status: 'created', upload: { offset: 0 } });
      if (again.status === 'created') expect(again.upload.uploadId).not.toBe(uploadId);
    });
  }
});

describe('the digest state of a large upload', () => {
  it('is dropped from the hashing thread when a migration drops the upload half way', async () => {
    const { t, device, bytes, uploadId } = await deviceWithUpload(undefined, 2 * OFF_LOOP_BYTES);
    open = t;
    const heldBefore = (await hashThreadState()).states;
    await device.append(uploadId, 0, bytes.subarray(0, OFF_LOOP_BYTES));
    expect((await hashThreadState()).states).toBe(heldBefore + 1);
    await migrate(t, device.deviceId);
    expect((await hashThreadState()).states).toBe(heldBefore);
  });
});
