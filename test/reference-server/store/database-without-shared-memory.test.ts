/**
 * The database on a file system that cannot map SQLite's shared memory: a FAT volume mounted through FUSE, where WAL
 * mode's first transaction fails with SQLITE_IOERR_SHMOPEN. The server's database still opens, in WAL mode, held
 * alone, and keeps what it commits. It needs root, /dev/fuse, mkfs.vfat and fusefat; without them it is skipped.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fatVolumeOrLack, type FatVolume } from '../../../conformance/suites/storage/fat-volume.js';
import { openDatabase } from '../../../reference-server/store/database.js';

// Tried once: root with /dev/fuse and the tools may still be refused the mount (a container without the right).
const fat = await fatVolumeOrLack();
const lack = fat.lack;

let volume: FatVolume | undefined;
let mountPoint = '';
beforeAll(() => {
  volume = fat.volume;
  mountPoint = volume?.root ?? '';
});
afterAll(async () => {
  await volume?.unmount();
});

describe(`the database on a FUSE FAT volume${lack ? ` (skipped: ${lack})` : ''}`, () => {
  it.skipIf(lack !== undefined)('plain WAL fails there, and the server’s database opens and keeps its rows', () => {
    const probe = new Database(path.join(mountPoint, 'probe.db'));
    try {
      expect(() => {
        probe.pragma('journal_mode = WAL');
        probe.exec('BEGIN IMMEDIATE; ROLLBACK');
      }).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_IOERR/) }));
    } finally {
      probe.close();
    }

    const file = path.join(mountPoint, 'mbs.sqlite');
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('fat-probe', 'kept');
    } finally {
      db.close();
    }
    const again = openDatabase(file);
    try {
      expect(again.prepare('SELECT value FROM meta WHERE key = ?').get('fat-probe')).toEqual({ value: 'kept' });
    } finally {
      again.close();
    }
  });
});
