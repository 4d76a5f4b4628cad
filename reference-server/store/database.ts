/**
 * Opens the metadata database: one SQLite file in WAL mode, so that a committed transaction survives a kill -9 and a
 * torn one is never seen. Commits do not fsync on the event loop (`synchronous = NORMAL`): the server answers no
 * request before wal-barrier.ts has fsynced the WAL, one fsync shared by the commits of concurrent requests, so
 * what a request was told is committed survives a power cut too.
 */
import Database from 'better-sqlite3';
import type { DiskQuota } from '../storage/disk-quota.js';
import { MIGRATIONS } from './migrations.js';
import type { Db } from './db.js';
import { boundByQuota, checkWrites } from './quota-writes.js';

/** WAL pages between two checkpoints (16 MiB of 4 KiB pages) when no disk quota bounds them (quota-writes.ts). */
const WAL_CHECKPOINT_PAGES = 4000;

export interface DatabaseOptions {
  /** Holds the database's own writes to the data directory's quota too (quota-writes.ts). */
  readonly quota?: DiskQuota;
}

export function openDatabase(file: string, options: DatabaseOptions = {}): Db {
  // better-sqlite3's database with its transactions narrowed to the one variant the wrappers below offer.
  const db = walDatabase(file) as Omit<Database.Database, 'transaction'> as Db;
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A checkpoint runs inside the commit that fills the WAL, on the event loop, and fsyncs the WAL and the database
  // file there; the first commit after it fsyncs the restarted WAL's header. SQLite's default of 1,000 pages came
  // round several times a second under a thousand phones (8 fsyncs a second on the event loop); four times the pages
  // checkpoint about a quarter as often, and a page that many commits touch (a device's row, an index's root) is
  // copied once per checkpoint. A disk quota sets its own, smaller bound (quota-writes.ts).
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  migrate(db);
  // Checked before the cache, so that each statement compiled is wrapped once.
  if (options.quota) checkWrites(db, boundByQuota(db, options.quota));
  cacheStatements(db);
  shareTransactionWrapper(db);
  return db;
}

/**
 * The database in WAL mode. WAL keeps its index in memory shared through a `-shm` file, which some file systems
 * cannot map (a FAT flash drive or a network drive mounted through FUSE: SQLite answers "disk I/O error"). There
 * the server holds the database alone (exclusive locking), and SQLite keeps the index in its own memory instead:
 * the same WAL, the same durability, no other process reading beside it.
 */
function walDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // The shared memory is mapped by the pragma on an existing WAL database, else by the first transaction.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
    return db;
  } catch (error) {
    db.close();
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_IOERR')) throw error;
  }
  const alone = new Database(file);
  alone.pragma('locking_mode = EXCLUSIVE');
  alone.pragma('journal_mode = WAL');
  return alone;
}

/**
 * Services prepare their SQL where they use it, which keeps each query beside its code; compiling it once per
 * database instead of once per request is done here. Statements are only ever run to completion, never iterated
 * lazily, so one compiled statement can serve every caller.
 */
function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = compile(sql);
      cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

/**
 * Services open their transactions where they run them, `db.transaction(() => ...)()`, and better-sqlite3 builds
 * four wrapped functions with their properties for each such call. One wrapper built once per database runs them all
 * instead, with the same BEGIN, COMMIT, savepoints when nested and rollback on a throw. Only the default (BEGIN)
 * variant is offered: the server uses no other.
 */
function shareTransactionWrapper(db: Db): void {
  const run = db.transaction(function (this: unknown, body: (...args: unknown[]) => unknown, args: unknown[]) {
    return body.apply(this, args);
  });
  db.transaction = ((body: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      return run.call(this, body, args);
    }) as unknown as Db['transaction'];
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Reads a value from the meta table, creating it with `make()` the first time. */
export function metaValue(db: Db, key: string, make: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = make();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}
