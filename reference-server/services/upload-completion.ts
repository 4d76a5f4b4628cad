/**
 * Completing an upload once all its bytes are in, in an order a crash cannot break: the bytes are re-hashed (a
 * mismatch discards the upload), the item's sequence number and final path are recorded, the fsynced part file is
 * renamed into the blocks folder, and only then is the item's metadata committed. A crash once the final path is
 * recorded is finished by recovery at start-up: the file is moved if it was not, and the item committed if the file
 * is whole (else the upload is dropped). A full disk that refuses the item's record moves the file back to the upload,
 * which stays resumable at its full size; no partial item is ever listed or stored. The file takes the item's own
 * modification time (seed 000 §10.2: a job folder of July holds files dated April).
 */
import { utimesSync } from 'node:fs';
import { MbsError } from '../../conformance/spec/errors.js';
import type { Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import { isDiskFull } from '../storage/disk-full.js';
import { durableRename, fileSize, removeIfPresent } from '../storage/durable-fs.js';
import { partFile, underRoot } from '../storage/layout.js';
import { toItem, type BackupRow, type DeviceRow, type ItemRow, type UploadRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';
import { lostUpload, takeBackItemFile, uploadHolder } from './upload-ownership.js';

/** Turns a fully written upload whose bytes hash to `digest` into an item, or discards it on a mismatch. */
export async function finishUpload(ctx: ServiceContext, row: UploadRow, part: string, digest: string): Promise<Item> {
  if (digest !== row.sha256) {
    ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
    await removeIfPresent(part);
    throw new MbsError('upload-checksum-mismatch', undefined, { expected: row.sha256, actual: digest });
  }
  ctx.crashPoint?.('upload-hashed');
  let placed: { placed: string; part: string; deviceFolder: string } | undefined;
  try {
    // A completion the disk refused before has its place recorded already: it keeps it.
    const reserved = row.final_path === null ? reserveFinalPath(ctx, row) : row;
    const finalPath = reserved.final_path as string;
    const target = underRoot(ctx.layout, finalPath);
    if (ctx.appendStep) await ctx.appendStep('part-synced');
    // UploadPartWriter's append fsynced the part file after its last append. The file's time is set while its folder
    // is synced (both finish before the item is committed).
    await durableRename(part, target, { fileSynced: true, beside: () => keepItemTime(ctx, target, reserved) });
    const deviceFolder = underRoot(ctx.layout, finalPath.slice(0, -(reserved.stored_as as string).length));
    placed = { placed: target, part, deviceFolder };
    ctx.crashPoint?.('item-file-in-place');
    if (ctx.appendStep) await ctx.appendStep('item-file-in-place');
    return toItem(commitItem(ctx, reserved));
  } catch (error) {
    // No item file outlives a record that was not committed (upload-ownership.ts).
    if (placed !== undefined) await takeBackItemFile(ctx, row, placed);
    if (!isDiskFull(error)) throw error;
    throw completionRefused(row);
  }
}

/**
 * The disk refused an item's record: its file went back to the upload, whole, so that nothing of the item is listed
 * or stored, and the upload completes when an append of no bytes at its full size finds room (or at start-up).
 */
function completionRefused(row: UploadRow): MbsError {
  return new MbsError(
    'server-disk-full',
    "The server's disk is full: the upload's bytes are kept, but its item could not be recorded. Once the server " +
      'has room, complete the upload with an append of no bytes at its full size.',
    { uploadId: row.id, offset: row.size },
  );
}

/** The time a stored file keeps: the item's last modification on the device, else its capture; none leaves it. */
export function storedFileTime(meta: ItemMeta): number | undefined {
  return meta.modifiedAt ?? meta.capturedAt;
}

/** On the event loop: setting a time writes no data, and a round trip through the I/O pool costs more (durable-fs.ts). */
async function keepItemTime(ctx: ServiceContext, file: string, row: UploadRow): Promise<void> {
  const time = ctx.rules.storedFileTime(JSON.parse(row.meta_json) as ItemMeta);
  if (time !== undefined) utimesSync(file, time / 1000, time / 1000);
}

/** Completes uploads a crash interrupted between "file in place" and "metadata committed" (see finishUpload). */
export async function recoverUploads(ctx: ServiceContext): Promise<void> {
  const pending = ctx.db.prepare('SELECT * FROM uploads WHERE final_path IS NOT NULL').all() as UploadRow[];
  for (const row of pending) {
    const part = partFile(ctx.layout, row.id);
    const target = underRoot(ctx.layout, row.final_path as string);
    if ((await fileSize(part)) !== undefined) await durableRename(part, target);
    if ((await fileSize(target)) !== row.size) {
      ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
      continue;
    }
    await keepItemTime(ctx, target, row);
    try {
      commitItem(ctx, row);
    } catch (error) {
      // Still no room for its record: the upload waits, whole and resumable, as a refused completion leaves it.
      if (!isDiskFull(error)) throw error;
      await durableRename(target, part, { fileSynced: true });
    }
  }
}

/** Allocates the item's sequence number and records where its file goes, before the file moves. */
function reserveFinalPath(ctx: ServiceContext, row: UploadRow): UploadRow {
  return ctx.db.transaction(() => {
    const device = ctx.db.prepare('SELECT backup_path, next_seq FROM devices WHERE id = ?').get(row.device_id) as
      Pick<DeviceRow, 'backup_path' | 'next_seq'> | undefined;
    const backup = ctx.db.prepare('SELECT folder FROM backups WHERE id = ?').get(row.backup_id) as
      Pick<BackupRow, 'folder'> | undefined;
    if (!device || uploadHolder(ctx, row) !== 'same') throw lostUpload(ctx, row.device_id);
    if (!backup) throw new MbsError('upload-not-found', 'The backup job is gone.');
    const meta = JSON.parse(row.meta_json) as ItemMeta;
    const storedAs = ctx.rules.storedItemPath(backup.folder, device.next_seq, meta.name);
    const finalPath = `${device.backup_path}/${storedAs}`;
    ctx.db.prepare('UPDATE devices SET next_seq = next_seq + 1 WHERE id = ?').run(row.device_id);
    ctx.db
      .prepare('UPDATE uploads SET final_path = ?, stored_as = ?, seq = ? WHERE id = ?')
      .run(finalPath, storedAs, device.next_seq, row.id);
    return { ...row, final_path: finalPath, stored_as: storedAs, seq: device.next_seq };
  })();
}

function commitItem(ctx: ServiceContext, row: UploadRow): ItemRow {
  const meta = JSON.parse(row.meta_json) as ItemMeta;
  const item: ItemRow = {
    device_id: row.device_id,
    sha256: row.sha256,
    size: row.size,
    kind: meta.kind,
    meta_json: row.meta_json,
    tab: 'recent',
    stored_as: row.stored_as as string,
    seq: row.seq as number,
    backup_id: row.backup_id,
    confirmed_at: ctx.clock.now(),
  };
  ctx.db.transaction(() => {
    // The device left (removed, or migrated away) while the item's file was being moved: nothing is committed.
    if (uploadHolder(ctx, row) !== 'same') throw lostUpload(ctx, row.device_id);
    ctx.db
      .prepare(
        `INSERT OR REPLACE INTO items (device_id, sha256, size, kind, meta_json, tab, stored_as, seq, backup_id,
           confirmed_at) VALUES (@device_id, @sha256, @size, @kind, @meta_json, @tab, @stored_as, @seq, @backup_id,
           @confirmed_at)`,
      )
      .run(item);
    ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
  })();
  return item;
}
