/** The self-test's faulty variants of completing an upload and of finishing uploads at start-up (upload-completion.ts). */
import { createCipheriv, createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { underRoot } from '../storage/layout.js';
import type { ServiceContext } from './context.js';

/** One key built into every server, as a vendor's "encryption at rest" might have it. */
const AT_REST_KEY = createHash('sha256').update('mbs encryption at rest').digest();

/** AES-256-CTR from byte `offset` of a file: the counter of its block, the block's first bytes skipped. */
function atRest(offset: number) {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(Math.floor(offset / 16)), 8);
  const cipher = createCipheriv('aes-256-ctr', AT_REST_KEY, iv);
  cipher.update(Buffer.alloc(offset % 16));
  return cipher;
}

export const UPLOAD_COMPLETION_FAULTS = {
  'stored-files-encrypted': {
    // Encrypts each completed file in place and decrypts it on restore: the device gets its bytes back, but the
    // backup folder holds no file anyone can open.
    finishUpload: (rule) => (ctx, row, part, digest) => {
      if (digest === row.sha256) writeFileSync(part, atRest(0).update(readFileSync(part)));
      return rule(ctx, row, part, digest);
    },
    storedBytes: (rule) => (file, start, size) => rule(file, start, size).pipe(atRest(start)),
  },
  'hash-mismatch-accepted': {
    // Keeps whatever bytes arrived, as if they hashed to the announced digest.
    finishUpload: (rule) => (ctx, row, part) => rule(ctx, row, part, row.sha256),
  },
  'completion-answers-size-in-kib': {
    // Answers a completed item with its size in whole KiB, rounded up, as the desktop shows sizes; it lists bytes.
    finishUpload: (rule) => async (ctx, row, part, digest) => {
      const item = await rule(ctx, row, part, digest);
      return { ...item, size: Math.ceil(item.size / 1024) };
    },
  },
  'open-job-dropped-on-restart': {
    // Start-up treats a job not yet committed as unfinished work and forgets its items, acknowledged or not: only a
    // restart shows it, since a server that keeps running lists them all.
    recoverUploads: (rule) => async (ctx) => {
      await rule(ctx);
      ctx.db.prepare('DELETE FROM items WHERE backup_id IN (SELECT id FROM backups WHERE committed_at IS NULL)').run();
    },
  },
  'upload-stored-in-finishing-job': {
    // Files an upload under the device's latest job (the last started; on a clock standing still, the last made) when
    // it completes, not the job whose announcement created it.
    finishUpload: (rule) => (ctx, row, part, digest) => {
      const latest = ctx.db
        .prepare('SELECT id FROM backups WHERE device_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1')
        .get(row.device_id) as { id: string } | undefined;
      return rule(ctx, { ...row, backup_id: latest?.id ?? row.backup_id }, part, digest);
    },
  },
  'discarded-upload-takes-sequence': {
    // Draws the next stored name before the bytes are hashed, so an upload then discarded leaves its number unused.
    finishUpload: (rule) => (ctx, row, part, digest) => {
      if (digest !== row.sha256) {
        ctx.db.prepare('UPDATE devices SET next_seq = next_seq + 1 WHERE id = ?').run(row.device_id);
      }
      return rule(ctx, row, part, digest);
    },
  },
  'stored-time-ignores-capture': {
    // Reads only the item's modification time: a file whose item has just a capture time keeps the time it was written.
    storedFileTime: () => (meta) => meta.modifiedAt,
  },
  'stored-time-of-upload': {
    // Leaves each stored file with the time it was written, not the item's own modification time.
    storedFileTime: () => () => undefined,
  },
  'new-files-to-first-destination': {
    // Keeps, in its own state, the destination its first backup went to and moves every new file there: a server
    // started on another destination (the folder moved, or another one selected) still writes to the first one.
    finishUpload: (rule) => async (ctx, row, part, digest) => {
      const item = await rule(ctx, row, part, digest);
      const first = firstDestination(ctx);
      if (first !== ctx.layout.root) {
        const { backup_path: backupPath } = ctx.db
          .prepare('SELECT backup_path FROM devices WHERE id = ?')
          .get(row.device_id) as { backup_path: string };
        const written = underRoot(ctx.layout, backupPath, item.storedAs);
        const moved = path.join(first, backupPath, item.storedAs);
        await mkdir(path.dirname(moved), { recursive: true });
        await copyFile(written, moved);
        await rm(written);
      }
      return item;
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

/** The destination recorded beside the database when the first file was stored: this one, if none is yet. */
function firstDestination(ctx: ServiceContext): string {
  const record = path.join(path.dirname(ctx.layout.database), 'first-destination');
  if (!existsSync(record)) writeFileSync(record, ctx.layout.root);
  return readFileSync(record, 'utf8');
}
