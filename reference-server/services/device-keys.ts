/**
 * The device rows that device keys name, kept between requests: every device request is authenticated by its key,
 * and looking the key up in the devices table was a query of its own on each one.
 *
 * What is kept is only ever what the table holds: SQLite itself drops the kept row of a key, through temporary
 * triggers of the server's connection, on every insert, update or delete of a device row with that key (before or
 * after the change), whatever made it (a pairing, a rename, a removal, a migration retiring the original, an item
 * taking the device's next sequence number, a faulty variant's own SQL), and whether or not its transaction then
 * commits; and a commit by any other connection to the file (a second program opening the same database) empties the
 * map, seen by SQLite's data_version at each lookup. Only the changed row goes: every completed upload moves its
 * device's next sequence number, and emptying the whole map then had nearly every request of every other device
 * read its row again. A lookup
 * inside a transaction neither keeps nor reads kept rows (nor installs the triggers, which a rollback would take
 * back). A kept row is frozen: it is shared by the requests that name its key.
 */
import type { Db } from '../store/db.js';
import type { DeviceRow } from '../store/rows.js';

interface Kept {
  readonly rows: Map<string, DeviceRow>;
  /** SQLite's data_version when the rows were read: it moves when another connection commits to the file. */
  version: unknown;
}

const kept = new WeakMap<Db, Kept>();

const lookUp = (db: Db, keyHash: string) =>
  db.prepare('SELECT * FROM devices WHERE key_hash = ?').get(keyHash) as DeviceRow | undefined;

const dataVersion = (db: Db): unknown => db.prepare('PRAGMA data_version').pluck().get();

/** The device whose key hashes to `keyHash`, as the devices table holds it now; undefined when none does. */
export function deviceByKeyHash(db: Db, keyHash: string): DeviceRow | undefined {
  if (db.inTransaction) return lookUp(db, keyHash);
  const store = keptRows(db);
  const version = dataVersion(db);
  if (version !== store.version) {
    store.rows.clear();
    store.version = version;
  }
  const known = store.rows.get(keyHash);
  if (known) return known;
  const row = lookUp(db, keyHash);
  if (!row) return undefined;
  Object.freeze(row);
  store.rows.set(keyHash, row);
  return row;
}

function keptRows(db: Db): Kept {
  const found = kept.get(db);
  if (found) return found;
  const created: Kept = { rows: new Map<string, DeviceRow>(), version: undefined };
  // Made before the first row is kept, so that no write to the table goes unseen.
  db.function('mbs_device_changed', (keyHash: unknown) => {
    created.rows.delete(keyHash as string);
    return null;
  });
  const changedRows = { INSERT: ['NEW'], UPDATE: ['OLD', 'NEW'], DELETE: ['OLD'] };
  for (const [event, rows] of Object.entries(changedRows)) {
    const calls = rows.map((row) => `mbs_device_changed(${row}.key_hash)`).join(', ');
    db.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS mbs_device_${event.toLowerCase()} AFTER ${event} ON main.devices
       BEGIN SELECT ${calls}; END`,
    );
  }
  kept.set(db, created);
  return created;
}
