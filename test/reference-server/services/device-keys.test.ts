/**
 * Device keys kept between requests on a real SQLite file: every write to the devices table, committed or rolled
 * back, in a transaction or alone, is seen by the next lookup, and a revoked key stops working at once.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceByKeyHash } from '../../../reference-server/services/device-keys.js';
import { openDatabase } from '../../../reference-server/store/database.js';
import type { Db } from '../../../reference-server/store/db.js';
import { tempDir } from '../../helpers/test-server.js';

let open: { db: Db; dir: string } | undefined;
afterEach(() => {
  open?.db.close();
  if (open) rmSync(open.dir, { recursive: true, force: true });
  open = undefined;
});

function database(): Db {
  const dir = tempDir('mbs-device-keys-');
  const db = openDatabase(path.join(dir, 'mbs.sqlite'));
  open = { db, dir };
  return db;
}

function addDevice(db: Db, id: string, keyHash: string): void {
  db.prepare(
    `INSERT INTO devices (id, name, model, platform, os_version, install_id, key_hash, registered_at, backup_path)
     VALUES (?, ?, 'Pixel 9', 'android', '15', ?, ?, 1, ?)`,
  ).run(id, `Phone ${id}`, `install-${id}`, keyHash, `Phone ${id}`);
}

describe('deviceByKeyHash', () => {
  it('sees a rename, a new sequence number and a removal at the next lookup', () => {
    const db = database();
    addDevice(db, 'd1', 'k1');
    expect(deviceByKeyHash(db, 'k1')?.name).toBe('Phone d1');
    db.prepare('UPDATE devices SET name = ? WHERE id = ?').run('Renamed', 'd1');
    expect(deviceByKeyHash(db, 'k1')?.name).toBe('Renamed');
    db.prepare('UPDATE devices SET next_seq = next_seq + 1 WHERE id = ?').run('d1');
    expect(deviceByKeyHash(db, 'k1')?.next_seq).toBe(2);
    db.prepare('DELETE FROM devices WHERE id = ?').run('d1');
    expect(deviceByKeyHash(db, 'k1')).toBeUndefined();
  });

  it('answers a key only once its device is there, and again after the device is put back', () => {
    const db = database();
    expect(deviceByKeyHash(db, 'k2')).toBeUndefined();
    addDevice(db, 'd2', 'k2');
    expect(deviceByKeyHash(db, 'k2')?.id).toBe('d2');
    db.prepare('DELETE FROM devices').run();
    expect(deviceByKeyHash(db, 'k2')).toBeUndefined();
    addDevice(db, 'd2', 'k2');
    expect(deviceByKeyHash(db, 'k2')?.id).toBe('d2');
  });

  it('keeps no row a rollback takes back', () => {
    const db = database();
    addDevice(db, 'd3', 'k3');
    expect(deviceByKeyHash(db, 'k3')?.name).toBe('Phone d3');
    expect(() =>
      db.transaction(() => {
        db.prepare('UPDATE devices SET name = ? WHERE id = ?').run('Uncommitted', 'd3');
        expect(deviceByKeyHash(db, 'k3')?.name).toBe('Uncommitted');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(deviceByKeyHash(db, 'k3')?.name).toBe('Phone d3');
  });

  it('hands out rows no caller can change', () => {
    const db = database();
    addDevice(db, 'd4', 'k4');
    const row = deviceByKeyHash(db, 'k4');
    expect(Object.isFrozen(row)).toBe(true);
    expect(deviceByKeyHash(db, 'k4')).toBe(row);
  });

  it('sees a removal after a first lookup made inside a transaction that rolled back', () => {
    const db = database();
    addDevice(db, 'd5', 'k5');
    const removal = db.prepare('DELETE FROM devices WHERE id = ?');
    expect(() =>
      db.transaction(() => {
        expect(deviceByKeyHash(db, 'k5')?.id).toBe('d5');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(deviceByKeyHash(db, 'k5')?.id).toBe('d5');
    // Prepared before the first kept row, as the server prepares its writes: the triggers still fire for it.
    removal.run('d5');
    expect(deviceByKeyHash(db, 'k5')).toBeUndefined();
  });

  it("keeps other devices' rows when one changes, and drops a changed key's row under its old key and its new", () => {
    const db = database();
    addDevice(db, 'd7', 'k7');
    addDevice(db, 'd8', 'k8');
    const seventh = deviceByKeyHash(db, 'k7');
    expect(deviceByKeyHash(db, 'k8')?.next_seq).toBe(1);
    db.prepare('UPDATE devices SET next_seq = next_seq + 1 WHERE id = ?').run('d8');
    expect(deviceByKeyHash(db, 'k7')).toBe(seventh);
    expect(deviceByKeyHash(db, 'k8')?.next_seq).toBe(2);
    expect(deviceByKeyHash(db, 'k9')).toBeUndefined();
    db.prepare('UPDATE devices SET key_hash = ? WHERE id = ?').run('k9', 'd7');
    expect(deviceByKeyHash(db, 'k7')).toBeUndefined();
    expect(deviceByKeyHash(db, 'k9')?.id).toBe('d7');
  });

  it('sees a removal another connection to the same file commits', () => {
    const db = database();
    addDevice(db, 'd6', 'k6');
    expect(deviceByKeyHash(db, 'k6')?.id).toBe('d6');
    const other = openDatabase(db.name);
    try {
      other.prepare('DELETE FROM devices WHERE id = ?').run('d6');
    } finally {
      other.close();
    }
    expect(deviceByKeyHash(db, 'k6')).toBeUndefined();
  });
});
