/**
 * The device rows that device keys name, kept between requests: every device request is authenticated by its key,
 * and looking the key up in the devices table was a query of its own on each one.
 *
 * What is kept is only ever what the table holds: SQLite itself empties the map, through temporary triggers of the
 * server's connection, on every insert, update or delete of a device row, whatever made it (a pairing, a rename, a
 * removal, a migration retiring the original, an item taking the device's next sequence number, a faulty variant's
 * own SQL), and whether or not its transaction then commits; and a commit by any other connection to the file (a
 * second program opening the same database) empties it too, seen by SQLite's data_version at each lookup. A lookup
 * inside a transaction neither keeps nor reads kept rows (nor installs the triggers, which a rollback would take
 * back). A kept row is frozen: it is shared by the requests that name its key.
 */
import type { Db } from '../store/database.js';
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
  db.function('mbs_devices_changed', () => {
    created.rows.clear();
    return null;
  });
  for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
    db.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS mbs_devices_${event.toLowerCase()} AFTER ${event} ON main.devices
       BEGIN SELECT mbs_devices_changed(); END`,
    );
  }
  kept.set(db, created);
  return created;
}
