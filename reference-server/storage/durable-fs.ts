/**
 * File operations in the order that makes them survive a crash: write, fsync, rename, fsync the directory.
 *
 * Only the fsync goes to the I/O pool. Opening a file or folder that is there to read it and closing a descriptor
 * touch no data and no journal: they take microseconds on the event loop, where a round trip through the pool costs
 * the event loop 20-30 µs of CPU of its own (queueing the work, waking a pool thread, being woken back).
 */
import { closeSync, fsync, openSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { inMemoryFs } from './memory-fs.js';
import { inSyncLane } from './sync-lanes.js';

const syncDescriptor = promisify(fsync);

/** fsyncs a file or folder; on a file system kept in memory, where an fsync does nothing, skips it (memory-fs.ts). */
export async function fsyncPath(target: string): Promise<void> {
  if (inMemoryFs(target)) return;
  const fd = openSync(target, 'r');
  try {
    await inSyncLane(() => syncDescriptor(fd));
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves a finished file into place atomically; afterwards both the file and its directory entry are durable.
 * `fileSynced` skips the file's fsync when the caller has just done it. The folder is made only when the rename
 * finds it missing, which is once per backup job. `beside` runs once the file is in place, while its folder is
 * synced (setting the file's time, say), and is waited for too.
 */
export async function durableRename(
  from: string,
  to: string,
  options: { fileSynced?: boolean; beside?: () => Promise<void> } = {},
): Promise<void> {
  if (!options.fileSynced) await fsyncPath(from);
  try {
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || (await fileSize(from)) === undefined) throw error;
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.rename(from, to);
  }
  const synced = fsyncPath(path.dirname(to));
  const beside = options.beside?.();
  await Promise.all([synced, beside]);
}

export async function fileSize(target: string): Promise<number | undefined> {
  try {
    return (await fs.stat(target)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function removeIfPresent(target: string): Promise<void> {
  await fs.rm(target, { force: true });
}

/** A file fsynced again and again (the database's WAL), held open between syncs. */
export interface HeldSync {
  /** fsyncs the file; nothing to do while it does not exist. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Holds `target` open from its first sync on, so that each later sync is one call on the I/O pool instead of three
 * (open, fsync, close): under load each call is a wait for a pool thread and a wake-up of the event loop. The file
 * must keep its inode while held (SQLite resets and truncates its WAL in place, and removes it only when the last
 * connection closes, after the barrier is closed).
 */
export function heldSync(target: string): HeldSync {
  let handle: fs.FileHandle | undefined;
  // A held descriptor stays on the file system it was opened on: in memory, its fsyncs are skipped (memory-fs.ts).
  let inMemory = false;
  return {
    async sync() {
      if (!handle) {
        try {
          handle = await fs.open(target, 'r');
          inMemory = inMemoryFs(target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw error;
        }
      }
      if (inMemory) return;
      const held = handle;
      await inSyncLane(() => held.sync());
    },
    async close() {
      const held = handle;
      handle = undefined;
      await held?.close();
    },
  };
}
