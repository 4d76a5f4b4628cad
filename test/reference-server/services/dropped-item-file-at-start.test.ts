/**
 * A device removed (or migrated away from) while its upload's item file is in its blocks folder and its record not
 * yet committed, and the process dies before the append takes the file back: the data directory then holds an item
 * file that no record holds. The crash is its image: the data directory copied while the append is held at that
 * step, after the removal or the pairing was answered. A server started on it takes the file away, with the folders
 * its move made, before it answers; the device's confirmed file stays on disk, byte-identical (PROTOCOL.md
 * removeDevice: files stay on disk; "Migration": the replacement keeps the folder and its items).
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AppendStepHook } from '../../../reference-server/services/append-steps.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { bytesOf, photo, sha256, startTestServer, tempDir, type TestServer } from '../../helpers/test-server.js';
import { deviceWithUpload, holdAt, migrate, outcomeOf } from './append-race-fixture.js';

const open: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it.each(['removal', 'migration'] as const)(
  'a start on a crash image after a %s takes away the dropped item file',
  async (drop) => {
    const hold = holdAt('item-file-in-place');
    let armed = false;
    const hook: AppendStepHook = (step) => (armed ? hold.hook(step) : Promise.resolve());
    const { t, device, bytes, uploadId } = await deviceWithUpload(hook);
    open.push(t);
    const job = await device.call('startBackup', { body: {} });
    const kept = bytesOf(5, 2_000);
    const keptItem = await device.uploadItem(job.backupId, kept, photo('KEPT.JPG'), sha256(kept));
    const keptFile = path.join((await device.call('getSelf')).backupPath, keptItem.storedAs);
    const before = snapshotState(t.dataDir);

    armed = true;
    const append = outcomeOf(device.append(uploadId, 0, bytes));
    await hold.arrived;
    if (drop === 'removal') await t.console.call('removeDevice', { params: { deviceId: device.deviceId } });
    else await migrate(t, device.deviceId);
    const image = tempDir('mbs-crash-image-');
    dirs.push(image);
    cpSync(t.dataDir, image, { recursive: true });
    hold.release();
    expect(await append).toMatchObject({ error: { code: 'device-unauthorized' } });

    // The image: the upload's item file in place, and no record of it, upload or item.
    const crashed = snapshotState(image);
    expect(crashed.tables.uploads).toEqual([]);
    expect((crashed.tables.items as { sha256: string }[]).map((item) => item.sha256)).toEqual(
      drop === 'removal' ? [] : [sha256(kept)],
    );
    const orphans = Object.keys(crashed.files).filter((file) => !(file in before.files));
    expect(orphans.filter((file) => !file.endsWith('/'))).toHaveLength(1);

    const restarted = await startTestServer('pro', { dataDir: image });
    open.push(restarted);
    const after = snapshotState(image);
    expect(after.files).toEqual(before.files);
    expect(after.tables.dropped_uploads).toEqual([]);
    for (const orphan of orphans) expect(existsSync(path.join(image, orphan))).toBe(false);
    expect(readFileSync(path.join(image, keptFile)).equals(kept)).toBe(true);
  },
);
