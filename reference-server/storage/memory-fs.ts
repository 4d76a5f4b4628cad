/**
 * File systems kept only in memory (tmpfs, such as /dev/shm, and ramfs) have no disk behind them: Linux's fsync there
 * does nothing (their file and folder operations use `noop_fsync`) and returns success. What survives is the same
 * with or without it: a killed server's writes stay in the page cache, and a power cut loses the whole file system
 * either way. So an fsync of a file there is skipped, and with it its trip through the I/O pool (queueing the work,
 * waking a pool thread, being woken back: 20-30 µs of the event loop's CPU, where a run's servers keep their data).
 * On every other file system each fsync runs as before.
 *
 * The file system is read at the moment of the sync, from the file's path (one statfs on the event loop): a data
 * folder cannot be taken for memory once a disk is mounted there.
 */
import { statfsSync } from 'node:fs';

const TMPFS_MAGIC = 0x01021994;
const RAMFS_MAGIC = 0x858458f6;

/**
 * Whether `file` lies on a file system kept only in memory, where an fsync does nothing. False when its file system
 * cannot be read (the file was removed or renamed meanwhile, say): the fsync then runs and says what it says.
 */
export function inMemoryFs(file: string): boolean {
  let type: number;
  try {
    type = statfsSync(file).type;
  } catch {
    return false;
  }
  return type === TMPFS_MAGIC || type === RAMFS_MAGIC;
}
