/**
 * Resumable, content-addressed uploads. The part file is the truth about the offset (its size), so an upload
 * resumes after a dropped connection or a kill -9 without any bookkeeping per chunk. On completion the bytes are
 * re-hashed; a mismatch discards the upload, a match moves the file into the blocks folder (write, fsync, rename)
 * before the item's metadata is committed. Until then nothing of it is listed, restored or counted. The service
 * checks requests against the upload's state; the bytes go through upload-part-writer.ts, and completion and its
 * recovery after a crash are in upload-completion.ts.
 */
import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import { kindOfFile } from '../../conformance/spec/file-types.js';
import {
  MAX_ITEM_BYTES,
  type AppendResponse,
  type Item,
  type ItemMeta,
  type CreateUploadRequest,
  type CreateUploadResponse,
  type UploadStatus,
} from '../../conformance/spec/protocol/resources.js';
import { fileSize, removeIfPresent } from '../storage/durable-fs.js';
import type { DiskQuota } from '../storage/disk-quota.js';
import { partFile } from '../storage/layout.js';
import { toItem, type BackupRow, type DeviceRow, type ItemRow, type UploadRow } from '../store/rows.js';
import { newId, type ServiceContext } from './context.js';
import { KeyedLock } from './keyed-lock.js';
import { forgetDroppedUploads, lostAppend, lostUpload, takeAwayDroppedFiles } from './upload-ownership.js';
import { UploadPartWriter } from './upload-part-writer.js';

/**
 * Why an announced item is refused before anything of it is kept (PROTOCOL.md createUpload, "Supported types"):
 * over the size limit, an extension of no supported type, or a kind its extension contradicts; undefined if none.
 */
export function uploadRefusal(size: number, meta: ItemMeta): MbsError | undefined {
  if (size > MAX_ITEM_BYTES) {
    return new MbsError('item-too-large', `${size} bytes is over the limit of ${MAX_ITEM_BYTES}.`);
  }
  const kind = kindOfFile(meta.name);
  if (!kind) return new MbsError('unsupported-file-type', `Not a supported file type: ${meta.name}`);
  if (kind !== meta.kind) return new MbsError('item-kind-mismatch', `${meta.name} is a ${kind}, not a ${meta.kind}.`);
  return undefined;
}

/** PROTOCOL.md "Backup": the item an announcement duplicates, the one of its bytes this device holds, whatever name. */
export function announcedItem(
  ctx: ServiceContext,
  device: DeviceRow,
  request: Static<typeof CreateUploadRequest>,
): ItemRow | undefined {
  return ctx.db.prepare('SELECT * FROM items WHERE device_id = ? AND sha256 = ?').get(device.id, request.sha256) as
    ItemRow | undefined;
}

/** PROTOCOL.md "Backup": an item this device holds is answered `duplicate` with the held item, as it is listed. */
export function duplicateOf(held: ItemRow): Static<typeof Item> {
  return toItem(held);
}

/**
 * PROTOCOL.md "Backup": the unfinished upload of the announced bytes this device has, which the announcement
 * resumes; openUpload checks again when it writes, since an announcement at once may have opened one meanwhile.
 */
export function unfinishedUpload(
  ctx: ServiceContext,
  deviceId: string,
  sha256: string,
): UploadRow | undefined | Promise<UploadRow | undefined> {
  return uploadOfBytes(ctx, deviceId, sha256);
}

function uploadOfBytes(ctx: ServiceContext, deviceId: string, sha256: string): UploadRow | undefined {
  return ctx.db.prepare('SELECT * FROM uploads WHERE device_id = ? AND sha256 = ?').get(deviceId, sha256) as
    UploadRow | undefined;
}

/**
 * Opens an upload of the announced bytes; if an announcement of the same bytes that ran meanwhile opened one
 * already, that one is answered instead (`resumed`): announcements at once open one upload between them.
 */
export function openUpload(
  ctx: ServiceContext,
  deviceId: string,
  backupId: string,
  request: Static<typeof CreateUploadRequest>,
): { readonly row: UploadRow; readonly created: boolean } {
  const id = newId();
  const inserted = ctx.db
    .prepare(
      `INSERT INTO uploads (id, device_id, backup_id, sha256, size, meta_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, sha256) DO NOTHING`,
    )
    .run(id, deviceId, backupId, request.sha256, request.size, JSON.stringify(request.meta), ctx.clock.now());
  return { row: uploadOfBytes(ctx, deviceId, request.sha256) as UploadRow, created: inserted.changes === 1 };
}

/**
 * PROTOCOL.md "Backup": an append must start at the upload's current offset. The appends to one upload take their
 * turns, so each checks its offset against what the one before it wrote: of appends at once at one offset, one
 * takes and the others find the offset moved on (or the upload completed).
 */
export function appendsInTurn<T>(lock: KeyedLock, uploadId: string, append: () => Promise<T>): Promise<T> {
  return lock.run(uploadId, append);
}

/**
 * DELETE /v1/uploads/:id takes its turn with the upload's appends: a cancel at once with the last append finds the
 * upload open (and the append then finds it gone) or completed (upload-not-found), never both taking.
 */
export function cancelsInTurn<T>(lock: KeyedLock, uploadId: string, cancel: () => Promise<T>): Promise<T> {
  return lock.run(uploadId, cancel);
}

/** The upload a cancel discards: this device's open upload of that id, if it has one. */
export function uploadToCancel(
  ctx: ServiceContext,
  deviceId: string,
  uploadId: string,
): UploadRow | undefined | Promise<UploadRow | undefined> {
  return ctx.db.prepare('SELECT * FROM uploads WHERE id = ? AND device_id = ?').get(uploadId, deviceId) as
    UploadRow | undefined;
}

/** DELETE /v1/uploads/:id: an upload this device has open is discarded; any other is upload-not-found. */
export function cancelUpload(uploads: UploadService, device: DeviceRow, uploadId: string): Promise<void> {
  return uploads.cancel(device, uploadId);
}

export interface AppendInput {
  readonly uploadId: string;
  readonly offset: number;
  readonly contentLength: number | undefined;
  readonly body: Readable;
}

export class UploadService {
  private readonly lock = new KeyedLock();
  private readonly parts: UploadPartWriter;

  constructor(
    private readonly ctx: ServiceContext,
    quota?: DiskQuota,
  ) {
    this.parts = new UploadPartWriter(quota, ctx.appendStep);
  }

  async create(
    device: DeviceRow,
    request: Static<typeof CreateUploadRequest>,
  ): Promise<Static<typeof CreateUploadResponse>> {
    const backup = this.ctx.db
      .prepare('SELECT * FROM backups WHERE id = ? AND device_id = ?')
      .get(request.backupId, device.id) as BackupRow | undefined;
    if (!backup) throw new MbsError('backup-not-found');
    if (backup.committed_at !== null) throw new MbsError('backup-closed');
    const refusal = this.ctx.rules.uploadRefusal(request.size, request.meta);
    if (refusal) throw refusal;
    const existing = await this.ctx.rules.unfinishedUpload(this.ctx, device.id, request.sha256);
    // Read after the wait: an upload of the bytes may have been confirmed meanwhile.
    const held = this.ctx.rules.announcedItem(this.ctx, device, request);
    if (held) return { status: 'duplicate', item: this.ctx.rules.duplicateOf(held) };
    if (existing) return { status: 'resumed', upload: this.statusOf(existing, this.partSizeSync(existing)) };
    const opened = this.ctx.rules.openUpload(this.ctx, device.id, backup.id, request);
    if (!opened.created) return { status: 'resumed', upload: this.statusOf(opened.row, this.partSizeSync(opened.row)) };
    return { status: 'created', upload: this.statusOf(opened.row, 0) };
  }

  async status(device: DeviceRow, uploadId: string): Promise<Static<typeof UploadStatus>> {
    const row = this.ownUpload(device, uploadId);
    return this.statusOf(row, (await fileSize(partFile(this.ctx.layout, row.id))) ?? 0);
  }

  append(device: DeviceRow, input: AppendInput): Promise<Static<typeof AppendResponse>> {
    return this.ctx.rules.appendsInTurn(this.lock, input.uploadId, async () => {
      const row = this.ownUpload(device, input.uploadId);
      const part = partFile(this.ctx.layout, row.id);
      const file = await this.parts.open(row.id, part, row.size);
      let offset: number;
      try {
        await this.ctx.rules.checkAppend(row, file.size, input.offset, input.contentLength);
        if (this.ctx.appendStep) await this.ctx.appendStep('part-opened');
        offset = await file.append(input.body);
      } catch (error) {
        await file.close();
        throw (await this.lost(row, part)) ?? error;
      }
      // What was appended is synced: closing the descriptor need not hold up the upload's completion.
      const closed = file.close();
      try {
        // The device may have left while the bytes were written (upload-ownership.ts).
        const lost = await this.lost(row, part);
        if (lost) throw lost;
        if (offset < row.size) return { complete: false, upload: this.statusOf(row, offset) };
        const digest = await this.parts.digest(row.id, part);
        return { complete: true, item: await this.ctx.rules.finishUpload(this.ctx, row, part, digest) };
      } catch (error) {
        throw error instanceof MbsError ? error : ((await this.lost(row, part)) ?? error);
      } finally {
        await closed;
      }
    });
  }

  /** Lets go of the running digests of the uploads a device's removal or migration dropped (upload-ownership.ts). */
  forgetDroppedUploads(): void {
    forgetDroppedUploads(this.ctx, this.parts);
  }

  private lost(row: UploadRow, part: string): Promise<MbsError | undefined> {
    return lostAppend(this.ctx, this.parts, row, part);
  }

  cancel(device: DeviceRow, uploadId: string): Promise<void> {
    return this.ctx.rules.cancelsInTurn(this.lock, uploadId, async () => {
      const row = await this.ctx.rules.uploadToCancel(this.ctx, device.id, uploadId);
      if (!row) throw lostUpload(this.ctx, device.id);
      this.ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
      this.parts.forget(row.id);
      await removeIfPresent(partFile(this.ctx.layout, row.id));
    });
  }

  /**
   * Run at start-up, before any request: finishes what a crash left half done (recoverUploads), and takes away the
   * item files of uploads dropped while their append was under way (upload-ownership.ts).
   */
  async recover(): Promise<void> {
    await this.ctx.rules.recoverUploads(this.ctx);
    await takeAwayDroppedFiles(this.ctx);
  }

  private ownUpload(device: DeviceRow, uploadId: string): UploadRow {
    const row = this.ctx.db.prepare('SELECT * FROM uploads WHERE id = ? AND device_id = ?').get(uploadId, device.id) as
      UploadRow | undefined;
    if (!row) throw lostUpload(this.ctx, device.id);
    return row;
  }

  private partSizeSync(row: UploadRow): number {
    try {
      return statSync(partFile(this.ctx.layout, row.id)).size;
    } catch {
      return 0;
    }
  }

  private statusOf(row: UploadRow, offset: number): Static<typeof UploadStatus> {
    return { uploadId: row.id, sha256: row.sha256, size: row.size, offset };
  }
}

/** An append must start where the part file ends and stay within the announced size. */
export function checkAppend(
  row: UploadRow,
  current: number,
  offset: number,
  length: number | undefined,
): void | Promise<void> {
  if (offset !== current) {
    throw new MbsError('upload-offset-mismatch', `Append at ${current}, not ${offset}.`, { expectedOffset: current });
  }
  if (length === undefined) throw new MbsError('upload-length-required');
  if (current + length > row.size) {
    throw new MbsError('upload-exceeds-size', `${current} + ${length} bytes exceeds ${row.size}.`, {
      expectedOffset: current,
      size: row.size,
    });
  }
}
