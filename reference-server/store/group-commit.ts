/**
 * Durable answers with one fsync for many requests (group commit). The database runs in WAL mode with
 * `synchronous = NORMAL`: a commit writes its frames to the WAL without waiting for the disk, so the event loop is
 * never blocked on an fsync. Before the server answers any request, it waits until every transaction committed so
 * far is on disk: one fsync of the WAL, begun after those commits, shared by every request waiting at that moment.
 * An answer therefore never reports (or shows) a change a power cut could still take back, as with
 * `synchronous = FULL`; a kill -9 loses nothing either way, since written frames are in the kernel's cache. Requests
 * that find nothing new since the last fsync are answered at once.
 */
import { promises as fs } from 'node:fs';
import type { Db } from './database.js';

export interface GroupCommit {
  /** Resolves once every transaction committed before the call is durable. */
  durable(): Promise<void>;
}

export function groupCommit(db: Db, databaseFile: string): GroupCommit {
  db.pragma('synchronous = NORMAL');
  const walFile = `${databaseFile}-wal`;
  const totalChanges = db.prepare('SELECT total_changes() AS n').pluck();
  const changes = () => totalChanges.get() as number;
  let synced = changes();
  let current: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const sync = (): Promise<void> => {
    const upTo = changes();
    const done = fsyncIfPresent(walFile)
      .then(() => {
        synced = Math.max(synced, upTo);
      })
      .finally(() => {
        if (current === done) current = undefined;
      });
    current = done;
    return done;
  };

  return {
    durable() {
      if (changes() === synced) return Promise.resolve();
      if (!current) return sync();
      // The fsync under way may have begun before these commits: the next one, shared by all who wait now, covers them.
      next ??= current
        .catch(() => undefined)
        .then(() => {
          next = undefined;
          return changes() === synced ? undefined : sync();
        });
      return next;
    },
  };
}

/** A WAL file not there (never written, or removed at a clean close) holds nothing to make durable. */
async function fsyncIfPresent(file: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
