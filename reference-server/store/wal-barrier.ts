/**
 * The database's durability barrier. SQLite runs with `synchronous = NORMAL`, so a commit writes its WAL frames
 * without an fsync on the event loop (better-sqlite3 is synchronous: a FULL commit's fsync stalled every other
 * request). Before the server answers a request, this barrier fsyncs the WAL file from the thread pool, one fsync
 * for every commit made meanwhile (group commit). A WAL fsync after a commit makes that commit durable: its frames
 * are on disk, or a checkpoint already copied them to the database file and synced it (a checkpoint runs inside the
 * commit that triggers it, on this same thread, so it is finished by the time the barrier runs).
 *
 * What was written is told by SQLite's `total_changes()`, which grows with every row a statement inserts, updates or
 * deletes on this connection.
 */
import path from 'node:path';
import { GroupCommit } from '../storage/group-commit.js';
import { fsyncPath, heldSync } from '../storage/durable-fs.js';
import type { Db } from './db.js';

export interface WalBarrier {
  /** Whether a commit is not yet known to be on disk. */
  pending(): boolean;
  /** Resolves once every commit made before the call is on disk. */
  flush(): Promise<void>;
  /** Lets the WAL go; call before the database closes. */
  close(): Promise<void>;
}

export function walBarrier(db: Db, databaseFile: string): WalBarrier & { readonly group: GroupCommit } {
  const changes = db.prepare('SELECT total_changes() AS n');
  // The WAL is missing only before the first write and once the last connection closed, which checkpointed and
  // synced the database.
  const wal = heldSync(`${databaseFile}-wal`);
  let dirSynced = false;
  const group = new GroupCommit(
    async () => {
      await wal.sync();
      // Once, for the WAL's own directory entry: SQLite made the file when WAL mode was switched on.
      if (!dirSynced) {
        await fsyncPath(path.dirname(databaseFile));
        dirSynced = true;
      }
    },
    () => (changes.get() as { n: number }).n,
  );
  return { group, pending: () => group.pending(), flush: () => group.flush(), close: () => wal.close() };
}
