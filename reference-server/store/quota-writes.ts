/**
 * SQLite's own writes held to the data directory's quota (storage/disk-quota.ts), as a small disk holds them: the
 * quota cannot see inside SQLite's writes, so every write is let in only while the directory has room for the most
 * that write can add, and refused as a full disk refuses it (ENOSPC) otherwise, before SQLite wrote anything.
 *
 * What one write can add is bounded here: the WAL is checkpointed every WAL_PAGES pages (`wal_autocheckpoint`) and
 * cut back to that size when it starts over (`journal_size_limit`), so a transaction adds at most its own pages to
 * the WAL, and its checkpoint at most WAL_PAGES new pages to the database file. The server's transactions touch a
 * few pages each (a row or two in a few tables and their indexes); one of more than TRANSACTION_PAGES could pass the
 * quota by its excess, and `max_page_count` still keeps the database file itself within the quota (SQLite then
 * refuses with SQLITE_FULL). A write is checked once per outermost transaction, or alone when it runs outside one;
 * a refusal inside a transaction rolls it back whole.
 */
import type { DiskQuota } from '../storage/disk-quota.js';
import type { Db } from './db.js';

/** Pages the WAL may hold before it is checkpointed into the database file (SQLite's default is 1,000). */
export const WAL_PAGES = 64;
/** The most pages one of the server's transactions is taken to write. */
export const TRANSACTION_PAGES = 64;
/** A WAL frame: the page and its 24-byte header. */
const FRAME_HEADER = 24;

/** Sets the database's bounds from the quota and returns the check a write must pass first. */
export function boundByQuota(db: Db, quota: DiskQuota): () => void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`max_page_count = ${Math.max(1, Math.floor(quota.bytes / pageSize))}`);
  db.pragma(`wal_autocheckpoint = ${WAL_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_PAGES * (pageSize + FRAME_HEADER)}`);
  const headroom = (WAL_PAGES + TRANSACTION_PAGES) * (pageSize + FRAME_HEADER);
  return () => quota.claim(headroom);
}

/** Runs `check` before every write: at the start of each outermost transaction, and before a lone write statement. */
export function checkWrites(db: Db, check: () => void): void {
  const transaction = db.transaction.bind(db);
  let depth = 0;
  db.transaction = ((fn: (...args: unknown[]) => unknown) =>
    transaction(function (this: unknown, ...args: unknown[]) {
      if (depth === 0) check();
      depth++;
      try {
        return fn.apply(this, args);
      } finally {
        depth--;
      }
    })) as Db['transaction'];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (statement.reader) return statement;
    const run = statement.run.bind(statement);
    statement.run = ((...params: unknown[]) => {
      if (!db.inTransaction) check();
      return run(...(params as Parameters<typeof run>));
    }) as typeof statement.run;
    return statement;
  }) as Db['prepare'];
}
