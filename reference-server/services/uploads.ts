/**
 * Resumable, content-addressed uploads. The part file is the truth about the offset (its size), so an upload
 * resumes after a dropped connection or a kill -9 without any bookkeeping per chunk. On completion the bytes are
 * re-hashed; a mismatch discards the upload, a match moves the file into the blocks folder (write, fsync, rename)
 * before the item's metadata is committed. Until then nothing of it is listed, restored or counted.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import { kindOfFile } from '../../conformance/spec/file-types.js';
import {
  MAX_ITEM_BYTES,
  type AppendResponse,
  type CreateUploadRequest,
  type CreateUploadResponse,
  type Item,
  type ItemMeta,
  type UploadStatus,
} from '../../conformance/spec/protocol/resources.js';
import { durableRename, fileSize, fsyncPath, removeIfPresent } from '../storage/durable-fs.js';
import { partFile, storedItemPath, underRoot } from '../storage/layout.js';
import { toItem, type BackupRow, type DeviceRow, type ItemRow, type UploadRow } from '../store/rows.js';
import { faulty, newId, type ServiceContext } from './context.js';
import { KeyedLock } from './keyed-lock.js';

export interface AppendInput {
  readonly uploadId: string;
  readonly offset: number;
  readonly contentLength: number | undefined;
  readonly body: Readable;
}

/** A running hash of an upload's bytes, valid while `offset` equals the part file's size. */
interface RunningHash {
  hash: Hash;
  offset: number;
}

const MAX_RUNNING_HASHES = 10_000;

export class UploadService {
  private readonly lock = new KeyedLock();
  private readonly hashes = new Map<string, RunningHash>();

  constructor(private readonly ctx: ServiceContext) {}

  create(device: DeviceRow, request: Static<typeof CreateUploadRequest>): Static<typeof CreateUploadResponse> {
    const backup = this.ctx.db
      .prepare('SELECT * FROM backups WHERE id = ? AND device_id = ?')
      .get(request.backupId, device.id) as BackupRow | undefined;
    if (!backup) throw new MbsError('backup-not-found');
    if (backup.committed_at !== null) throw new MbsError('backup-closed');
    if (request.size > MAX_ITEM_BYTES) {
      throw new MbsError('item-too-large', `${request.size} bytes is over the limit of ${MAX_ITEM_BYTES}.`);
    }
    const kind = kindOfFile(request.meta.name);
    if (!kind) throw new MbsError('unsupported-file-type', `Not a supported file type: ${request.meta.name}`);
    if (kind !== request.meta.kind) {
      throw new MbsError('item-kind-mismatch', `${request.meta.name} is a ${kind}, not a ${request.meta.kind}.`);
    }
    const held = this.itemRow(device.id, request.sha256);
    if (held) return { status: 'duplicate', item: toItem(held) };
    const existing = this.uploadRow(device.id, request.sha256);
    if (existing) return { status: 'resumed', upload: this.statusOf(existing, this.partSizeSync(existing)) };
    const id = newId();
    this.ctx.db
      .prepare(
        'INSERT INTO uploads (id, device_id, backup_id, sha256, size, meta_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, device.id, backup.id, request.sha256, request.size, JSON.stringify(request.meta), this.ctx.clock.now());
    return { status: 'created', upload: { uploadId: id, sha256: request.sha256, size: request.size, offset: 0 } };
  }

  async status(device: DeviceRow, uploadId: string): Promise<Static<typeof UploadStatus>> {
    const row = this.ownUpload(device, uploadId);
    return this.statusOf(row, (await fileSize(partFile(this.ctx.layout, row.id))) ?? 0);
  }

  append(device: DeviceRow, input: AppendInput): Promise<Static<typeof AppendResponse>> {
    return this.lock.run(input.uploadId, async () => {
      const row = this.ownUpload(device, input.uploadId);
      const part = partFile(this.ctx.layout, row.id);
      const current = (await fileSize(part)) ?? 0;
      if (input.offset !== current) {
        throw new MbsError('upload-offset-mismatch', `Append at ${current}, not ${input.offset}.`, {
          expectedOffset: current,
        });
      }
      if (input.contentLength === undefined) throw new MbsError('upload-length-required');
      if (current + input.contentLength > row.size) {
        throw new MbsError('upload-exceeds-size', `${current} + ${input.contentLength} bytes exceeds ${row.size}.`, {
          expectedOffset: current,
          size: row.size,
        });
      }
      await this.write(row, part, current, input.body);
      const offset = (await fileSize(part)) ?? 0;
      if (offset < row.size) return { complete: false, upload: this.statusOf(row, offset) };
      return { complete: true, item: await this.finish(row, part) };
    });
  }

  cancel(device: DeviceRow, uploadId: string): Promise<void> {
    return this.lock.run(uploadId, async () => {
      const row = this.ownUpload(device, uploadId);
      this.ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
      this.hashes.delete(row.id);
      await removeIfPresent(partFile(this.ctx.layout, row.id));
    });
  }

  /** Completes uploads a crash interrupted between "file in place" and "metadata committed" (see finish). */
  async recover(): Promise<void> {
    const pending = this.ctx.db.prepare('SELECT * FROM uploads WHERE final_path IS NOT NULL').all() as UploadRow[];
    for (const row of pending) {
      const part = partFile(this.ctx.layout, row.id);
      const target = underRoot(this.ctx.layout, row.final_path as string);
      if ((await fileSize(part)) !== undefined) await durableRename(part, target);
      if ((await fileSize(target)) === row.size) this.commitItem(row);
      else this.ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
    }
  }

  private async write(row: UploadRow, part: string, offset: number, body: Readable): Promise<void> {
    let running = this.hashes.get(row.id);
    if (!running && offset === 0) running = { hash: createHash('sha256'), offset: 0 };
    if (running && running.offset !== offset) running = undefined;
    this.hashes.delete(row.id);
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        running?.hash.update(chunk);
        if (running) running.offset += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, tap, createWriteStream(part, { flags: 'a' }));
    } finally {
      // Bytes that reached the file stay, whether or not the client stayed: that is what makes resume work.
      await fsyncPath(part).catch(() => undefined);
      if (running && running.offset === (await fileSize(part))) this.keepHash(row.id, running);
    }
  }

  /** Running hashes are a cache: past a bound the oldest go, and those uploads are re-read when they complete. */
  private keepHash(uploadId: string, running: RunningHash): void {
    if (this.hashes.size >= MAX_RUNNING_HASHES) {
      const oldest = this.hashes.keys().next().value;
      if (oldest !== undefined) this.hashes.delete(oldest);
    }
    this.hashes.set(uploadId, running);
  }

  private async finish(row: UploadRow, part: string): Promise<Item> {
    const running = this.hashes.get(row.id);
    this.hashes.delete(row.id);
    const digest = running ? running.hash.digest('hex') : await hashFile(part);
    // The self-test's hash-mismatch-accepted variant keeps whatever bytes arrived.
    if (digest !== row.sha256 && !faulty(this.ctx, 'hash-mismatch-accepted')) {
      this.ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
      await removeIfPresent(part);
      throw new MbsError('upload-checksum-mismatch', undefined, { expected: row.sha256, actual: digest });
    }
    const reserved = this.reserveFinalPath(row);
    // write() fsynced the part file after its last append.
    await durableRename(part, underRoot(this.ctx.layout, reserved.final_path as string), { fileSynced: true });
    return toItem(this.commitItem(reserved));
  }

  /** Allocates the item's sequence number and records where its file goes, before the file moves. */
  private reserveFinalPath(row: UploadRow): UploadRow {
    return this.ctx.db.transaction(() => {
      const device = this.ctx.db
        .prepare('SELECT backup_path, next_seq FROM devices WHERE id = ?')
        .get(row.device_id) as Pick<DeviceRow, 'backup_path' | 'next_seq'> | undefined;
      const backup = this.ctx.db.prepare('SELECT folder FROM backups WHERE id = ?').get(row.backup_id) as
        Pick<BackupRow, 'folder'> | undefined;
      if (!device || !backup) throw new MbsError('upload-not-found', 'The device or its backup job is gone.');
      const meta = JSON.parse(row.meta_json) as ItemMeta;
      const hexName = storedItemPath(backup.folder, device.next_seq, meta.name);
      // The self-test's file-names-decimal variant names the file by its decimal sequence number.
      const storedAs = faulty(this.ctx, 'file-names-decimal')
        ? hexName.replace(/[0-9a-f]{6}(?=\.[^./]+$)/, String(device.next_seq))
        : hexName;
      const finalPath = `${device.backup_path}/${storedAs}`;
      this.ctx.db.prepare('UPDATE devices SET next_seq = next_seq + 1 WHERE id = ?').run(row.device_id);
      this.ctx.db
        .prepare('UPDATE uploads SET final_path = ?, stored_as = ?, seq = ? WHERE id = ?')
        .run(finalPath, storedAs, device.next_seq, row.id);
      return { ...row, final_path: finalPath, stored_as: storedAs, seq: device.next_seq };
    })();
  }

  private commitItem(row: UploadRow): ItemRow {
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
      confirmed_at: this.ctx.clock.now(),
    };
    this.ctx.db.transaction(() => {
      this.ctx.db
        .prepare(
          `INSERT OR REPLACE INTO items (device_id, sha256, size, kind, meta_json, tab, stored_as, seq, backup_id,
             confirmed_at) VALUES (@device_id, @sha256, @size, @kind, @meta_json, @tab, @stored_as, @seq, @backup_id,
             @confirmed_at)`,
        )
        .run(item);
      this.ctx.db.prepare('DELETE FROM uploads WHERE id = ?').run(row.id);
    })();
    return item;
  }

  private ownUpload(device: DeviceRow, uploadId: string): UploadRow {
    const row = this.ctx.db
      .prepare('SELECT * FROM uploads WHERE id = ? AND device_id = ? AND final_path IS NULL')
      .get(uploadId, device.id) as UploadRow | undefined;
    if (!row) throw new MbsError('upload-not-found');
    return row;
  }

  private uploadRow(deviceId: string, sha256: string): UploadRow | undefined {
    return this.ctx.db.prepare('SELECT * FROM uploads WHERE device_id = ? AND sha256 = ?').get(deviceId, sha256) as
      UploadRow | undefined;
  }

  private itemRow(deviceId: string, sha256: string): ItemRow | undefined {
    return this.ctx.db.prepare('SELECT * FROM items WHERE device_id = ? AND sha256 = ?').get(deviceId, sha256) as
      ItemRow | undefined;
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

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
