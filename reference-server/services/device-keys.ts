/**
 * The device rows that device keys name, kept between requests: every device request is authenticated by its key,
 * and looking the key up in the devices table was a query of its own on each one.
 *
 * What is kept is only ever what the table holds: SQLite itself empties the map, through temporary triggers of the
 * server's connection, on every insert, update or delete of a device row, whatever made it (a pairing, a rename, a
 * removal, a migration retiring the original, an item taking the device's next sequence number, a faulty variant's
 * own SQL), and whether or not its transaction then commits. Rows are kept only when read outside a transaction, so
 * never one that a rollback takes back. The server's connection is the only one that writes its database while it
 * runs. A kept row is frozen: it is shared by the requests that name its key.
 */
import type { Db } from '../store/database.js';
import type { DeviceRow } from '../store/rows.js';

const kept = new WeakMap<Db, Map<string, DeviceRow>>();

/** The device whose key hashes to `keyHash`, as the devices table holds it now; undefined when none does. */
export function deviceByKeyHash(db: Db, keyHash: string): DeviceRow | undefined {
  const rows = keptRows(db);
  const known = rows.get(keyHash);
  if (known) return known;
  const row = db.prepare('SELECT * FROM devices WHERE key_hash = ?').get(keyHash) as DeviceRow | undefined;
  if (!row) return undefined;
  Object.freeze(row);
  if (!db.inTransaction) rows.set(keyHash, row);
  return row;
}

function keptRows(db: Db): Map<string, DeviceRow> {
  let rows = kept.get(db);
  if (rows) return rows;
  const created = new Map<string, DeviceRow>();
  // Made before the first row is kept, so that no write to the table goes unseen.
  db.function('mbs_devices_changed', () => {
    created.clear();
    return null;
  });
  for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
    db.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS mbs_devices_${event.toLowerCase()} AFTER ${event} ON main.devices
       BEGIN SELECT mbs_devices_changed(); END`,
    );
  }
  rows = created;
  kept.set(db, rows);
  return rows;
}
