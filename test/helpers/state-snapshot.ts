/**
 * Everything a refused request must leave as it was: every row of every table of the server's database, read in
 * read-only mode beside the running server, and every file and folder under the data directory with its size.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface StateSnapshot {
  /** Table name → its rows in rowid order. */
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
  /** Path relative to the data directory → size in bytes, `dir`, or `db` for the database's own files. */
  readonly files: Readonly<Record<string, number | 'dir' | 'db'>>;
}

const DATABASE = path.join('.mbs', 'mbs.sqlite');

export function snapshotState(dataDir: string): StateSnapshot {
  return { tables: readTables(path.join(dataDir, DATABASE)), files: listFiles(dataDir) };
}

function readTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      names.map((name) => [name, db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

/**
 * The database file, its WAL and its shared-memory index are listed by name only: their sizes move with SQLite's
 * own bookkeeping, and what they hold is compared row by row above.
 */
function listFiles(root: string): Record<string, number | 'dir' | 'db'> {
  const out: Record<string, number | 'dir' | 'db'> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        out[`${child}/`] = 'dir';
        walk(child);
      } else if (child === DATABASE || child.startsWith(`${DATABASE}-`)) {
        out[child] = 'db';
      } else {
        out[child] = statSync(path.join(root, child)).size;
      }
    }
  };
  walk('');
  return out;
}
