/** File operations in the order that makes them survive a crash: write, fsync, rename, fsync the directory. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function fsyncPath(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Moves a finished file into place atomically; afterwards both the file and its directory entry are durable. */
export async function durableRename(from: string, to: string): Promise<void> {
  await fsyncPath(from);
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.rename(from, to);
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
