/**
 * What a migration (seed 000 §11.2) does to the original device inside the pairing's transaction: its unfinished
 * uploads are discarded, the replacement takes over the rest of its records once the replacement's row is written,
 * its items listed in its Archive tab, and the original leaves the device list, so it is no longer paired.
 */
import type { DeviceRow, UploadRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';
import { noteDroppedPlaces } from './upload-ownership.js';

/** The tables whose rows belong to a device and move with it to its replacement. */
export type DeviceTable = 'items' | 'backups' | 'snapshots' | 'uploads';

export function moveRows(ctx: ServiceContext, table: DeviceTable, fromDeviceId: string, toDeviceId: string): void {
  ctx.db.prepare(`UPDATE ${table} SET device_id = ? WHERE device_id = ?`).run(toDeviceId, fromDeviceId);
}

/**
 * PROTOCOL.md "Migration": every unfinished upload of the original goes, also one whose item's place was reserved
 * (all its bytes in, its completion refused for a full disk or its last append under way), so the replacement never
 * resumes or completes one. Answers them, for their part files to go once the pairing is committed; an append still
 * under way finds its upload gone and takes back what it placed (upload-ownership.ts).
 */
export function discardUnfinishedUploads(ctx: ServiceContext, originalId: string): UploadRow[] {
  const rows = ctx.db.prepare('SELECT * FROM uploads WHERE device_id = ?').all(originalId) as UploadRow[];
  noteDroppedPlaces(ctx, originalId);
  ctx.db.prepare('DELETE FROM uploads WHERE device_id = ?').run(originalId);
  return rows;
}

/** The replacement takes over the original's other records; the inherited items show in its Archive tab. */
export function takeOverRecords(ctx: ServiceContext, originalId: string, replacementId: string): void {
  for (const table of ['items', 'backups', 'snapshots'] as const) {
    moveRows(ctx, table, originalId, replacementId);
  }
  ctx.db.prepare("UPDATE items SET tab = 'archive' WHERE device_id = ?").run(replacementId);
}

/** The original leaves the device list: its key no longer works and no one can pair as it again. */
export function retireOriginal(ctx: ServiceContext, originalId: string): void {
  ctx.db.prepare('DELETE FROM devices WHERE id = ?').run(originalId);
}

/** Whom a key no listed device holds now stands for: no one, so a retired original's key is refused. */
export function retiredKeyOwner(_ctx: ServiceContext, _keyHash: string): DeviceRow | undefined {
  return undefined;
}
