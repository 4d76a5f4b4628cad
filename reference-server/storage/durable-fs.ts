/** File operations in the order that makes them survive a crash: write, fsync, rename, fsync the directory. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inSyncLane } from './sync-lanes.js';

export async function fsyncPath(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await inSyncLane(() => handle.sync());
  } finally {
    await handle.close();
  }
}

/** As fsyncPath, for a file that may be gone: then there is nothing to sync. */
export async function fsyncIfPresent(target: string): Promise<void> {
  try {
    await fsyncPath(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Moves a finished file into place atomically; afterwards both the file and its directory entry are durable.
 * `fileSynced` skips the file's fsync when the caller has just done it. The folder is made only when the rename
 * finds it missing, which is once per backup job.
 */
export async function durableRename(from: string, to: string, options: { fileSynced?: boolean } = {}): Promise<void> {
  if (!options.fileSynced) await fsyncPath(from);
  try {
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || (await fileSize(from)) === undefined) throw error;
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.rename(from, to);
  }
  await fsyncPath(path.dirname(to));
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
