/**
 * A device removed from the console while its upload's last append is under way. Whichever step of the append the
 * removal lands in, the append answers what the removed device's every other request answers (`device-unauthorized`,
 * 401) and leaves nothing of the upload: no record, no part file, no item file, no folder its move made, no digest
 * state on the hashing thread. The append is held at each step by the server's append-step hook (append-steps.ts),
 * the removal is answered meanwhile, and then the append goes on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { APPEND_STEPS, type AppendStep } from '../../../reference-server/services/append-steps.js';
import { OFF_LOOP_BYTES } from '../../../reference-server/storage/running-digest.js';
import { hashThreadState } from '../../../reference-server/storage/hash-thread.js';
import { snapshotState, type StateSnapshot } from '../../helpers/state-snapshot.js';
import type { TestServer } from '../../helpers/test-server.js';
import { deviceWithUpload, holdAt, outcomeOf } from './append-race-fixture.js';

let open: TestServer | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** deviceWithUpload, closed after the test. */
async function world(...args: Parameters<typeof deviceWithUpload>) {
  const made = await deviceWithUpload(...args);
  open = made.t;
  return made;
}

/** What the data holds once device `deviceId` is removed from `before`, and nothing else is done. */
function removedFrom(before: StateSnapshot, deviceId: string): StateSnapshot {
  const owned = new Set(['items', 'backups', 'snapshots', 'uploads']);
  const tables = Object.fromEntries(
    Object.entries(before.tables).map(([name, rows]) => {
      const keep = (row: unknown) => {
        const r = row as { id?: string; device_id?: string };
        return name === 'devices' ? r.id !== deviceId : !owned.has(name) || r.device_id !== deviceId;
      };
      return [name, rows.filter(keep)];
    }),
  );
  return { tables, files: before.files };
}

describe("a device removed while its upload's last append is under way", () => {
  for (const step of Object.keys(APPEND_STEPS) as AppendStep[]) {
    it(`answers device-unauthorized and leaves no trace of the upload when removed at ${step}`, async () => {
      const hold = holdAt(step);
      const { t, device, bytes, uploadId } = await world(hold.hook);
      const before = snapshotState(t.dataDir);
      const heldBefore = (await hashThreadState()).states;

      const append = outcomeOf(device.append(uploadId, 0, bytes));
      await hold.arrived;
      await t.console.call('removeDevice', { params: { deviceId: device.deviceId } });
      hold.release();

      const outcome = await append;
      expect(outcome).toMatchObject({ error: { code: 'device-unauthorized', status: 401 } });
      // The removed device's other requests answer the same.
      await expect(device.call('getSelf')).rejects.toMatchObject({ code: 'device-unauthorized', status: 401 });
      const devices = await t.console.call('listDevices');
      expect(devices.devices.map((d) => d.deviceId)).not.toContain(device.deviceId);
      expect(snapshotState(t.dataDir)).toEqual(removedFrom(before, device.deviceId));
      expect((await hashThreadState()).states).toBe(heldBefore);
    });
  }
});

describe('the digest state of a large upload', () => {
  it('is dropped from the hashing thread when its device is removed half way', async () => {
    const { t, device, bytes, uploadId } = await world(undefined, 2 * OFF_LOOP_BYTES);
    const heldBefore = (await hashThreadState()).states;
    await device.append(uploadId, 0, bytes.subarray(0, OFF_LOOP_BYTES));
    expect((await hashThreadState()).states).toBe(heldBefore + 1);
    await t.console.call('removeDevice', { params: { deviceId: device.deviceId } });
    expect((await hashThreadState()).states).toBe(heldBefore);
  });

  it('is dropped from the hashing thread when the upload is cancelled half way', async () => {
    const { device, bytes, uploadId } = await world(undefined, 2 * OFF_LOOP_BYTES);
    const heldBefore = (await hashThreadState()).states;
    await device.append(uploadId, 0, bytes.subarray(0, OFF_LOOP_BYTES));
    expect((await hashThreadState()).states).toBe(heldBefore + 1);
    await device.call('cancelUpload', { params: { uploadId } });
    expect((await hashThreadState()).states).toBe(heldBefore);
  });
});
