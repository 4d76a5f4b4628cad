/**
 * An upload whose device left while one of its appends was under way: removed from the console or migrated away
 * (pairing-migration.ts); either way the upload's record and part file go, also once its item's place was reserved.
 * The device's key no longer works, so the append answers what the device's next request would,
 * `device-unauthorized` (devices.ts), and leaves nothing of the upload that outlives its record: a part file made
 * again after the removal deleted it, or an item file moved into its blocks folder, goes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MbsError } from '../../conformance/spec/errors.js';
import { durableRename, removeIfPresent } from '../storage/durable-fs.js';
import { underRoot } from '../storage/layout.js';
import type { UploadRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';
import type { UploadPartWriter } from './upload-part-writer.js';

/** The device holding upload `uploadId` now, if any upload has that id still. */
function holderOf(ctx: ServiceContext, uploadId: string): string | undefined {
  const row = ctx.db.prepare('SELECT device_id FROM uploads WHERE id = ?').get(uploadId) as
    { device_id: string } | undefined;
  return row?.device_id;
}

/** Who holds upload `row` now: the device it was read for, another (a replacement), or no one (removed, cancelled). */
export function uploadHolder(ctx: ServiceContext, row: UploadRow): 'same' | 'other' | 'none' {
  const now = holderOf(ctx, row.id);
  if (now === undefined) return 'none';
  return now === row.device_id ? 'same' : 'other';
}

/**
 * Why an append of `row` fails now that its device no longer holds the upload, else nothing. An upload that dropped
 * lets go of its running digest, and a part file the append made again after the removal deleted it goes too.
 */
export async function lostAppend(
  ctx: ServiceContext,
  parts: Pick<UploadPartWriter, 'forget'>,
  row: UploadRow,
  part: string,
): Promise<MbsError | undefined> {
  const holder = uploadHolder(ctx, row);
  if (holder === 'same') return undefined;
  if (holder === 'none') {
    parts.forget(row.id);
    await removeIfPresent(part);
    await takeAwayDropped(ctx, row.id);
  }
  return lostUpload(ctx, row.device_id);
}

/**
 * Once a device was removed, or migrated away from, lets go of the running digests of the uploads that dropped:
 * nothing will complete them. An append under way meanwhile lets go of its own as it finds its upload gone. One
 * look-up per digest kept (at most 10,000), so only after those two, never after every pairing.
 */
export function forgetDroppedUploads(ctx: ServiceContext, parts: Pick<UploadPartWriter, 'forgetWhere'>): void {
  parts.forgetWhere((uploadId) => holderOf(ctx, uploadId) === undefined);
}

/** What a request of device `deviceId` about an upload it no longer holds answers: its key's refusal once it left. */
export function lostUpload(ctx: ServiceContext, deviceId: string): MbsError {
  const listed = ctx.db.prepare('SELECT 1 FROM devices WHERE id = ?').get(deviceId);
  return new MbsError(listed ? 'upload-not-found' : 'device-unauthorized');
}

/**
 * Takes back an item file placed for an upload whose record could not be committed: to its part file while an upload
 * record holds it (whole, to be completed by whoever holds it now), else away, with the folders its move made.
 */
export async function takeBackItemFile(
  ctx: ServiceContext,
  row: UploadRow,
  files: { placed: string; part: string; deviceFolder: string },
): Promise<void> {
  if (uploadHolder(ctx, row) !== 'none') return durableRename(files.placed, files.part, { fileSynced: true });
  await removeIfPresent(files.placed);
  await removeEmptyFolders(path.dirname(files.placed), files.deviceFolder);
  forgetDropped(ctx, row.id);
}

/**
 * Inside the transaction that drops device `deviceId`'s uploads (its removal, or a migration away from it): notes
 * where the item file of each one whose place was reserved may still land. An append under way may move the file
 * there after the drop; it takes the file away as it finds its upload gone, and start-up takes away what a crash
 * left before it could (takeAwayDroppedFiles). A removed device's confirmed files stay; these were never items.
 */
export function noteDroppedPlaces(ctx: ServiceContext, deviceId: string): void {
  ctx.db
    .prepare(
      `INSERT OR REPLACE INTO dropped_uploads (upload_id, final_path, stored_as)
         SELECT id, final_path, stored_as FROM uploads WHERE device_id = ? AND final_path IS NOT NULL`,
    )
    .run(deviceId);
}

/** Takes away the item file dropped upload `uploadId` may have left in place, the folders its move made, and the note. */
async function takeAwayDropped(ctx: ServiceContext, uploadId: string): Promise<void> {
  const note = ctx.db.prepare('SELECT final_path, stored_as FROM dropped_uploads WHERE upload_id = ?').get(uploadId) as
    { final_path: string; stored_as: string } | undefined;
  if (!note) return;
  const placed = underRoot(ctx.layout, note.final_path);
  await removeIfPresent(placed);
  const deviceFolder = underRoot(ctx.layout, note.final_path.slice(0, -note.stored_as.length));
  await removeEmptyFolders(path.dirname(placed), deviceFolder);
  forgetDropped(ctx, uploadId);
}

/** The note of dropped upload `uploadId`, once nothing of it is left in place. */
function forgetDropped(ctx: ServiceContext, uploadId: string): void {
  ctx.db.prepare('DELETE FROM dropped_uploads WHERE upload_id = ?').run(uploadId);
}

/** At start-up, before any request: no append is under way, so every dropped upload's file goes (noteDroppedPlaces). */
export async function takeAwayDroppedFiles(ctx: ServiceContext): Promise<void> {
  const ids = ctx.db.prepare('SELECT upload_id FROM dropped_uploads').pluck().all() as string[];
  for (const uploadId of ids) await takeAwayDropped(ctx, uploadId);
}

/** Removes `folder` and its parents below the device's folder `top` while they are empty (the move made them). */
async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  for (let at = folder; at.startsWith(top + path.sep); at = path.dirname(at)) {
    try {
      await fs.rmdir(at);
    } catch {
      return;
    }
  }
}
