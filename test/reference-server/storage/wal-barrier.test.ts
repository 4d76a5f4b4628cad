/**
 * The database's durability barrier on a real SQLite file: commits are made without an fsync of their own, the
 * barrier knows a commit is pending until a WAL fsync covers it, and the commits of concurrent writers share one.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../reference-server/store/database.js';
import type { Db } from '../../../reference-server/store/db.js';
import { walBarrier } from '../../../reference-server/store/wal-barrier.js';
import { tempDir } from '../../helpers/test-server.js';

let open: { db: Db; dir: string } | undefined;
afterEach(() => {
  open?.db.close();
  if (open) rmSync(open.dir, { recursive: true, force: true });
  open = undefined;
});

function database() {
  const dir = tempDir('mbs-wal-');
  const file = path.join(dir, 'mbs.sqlite');
  const db = openDatabase(file);
  open = { db, dir };
  return { db, barrier: walBarrier(db, file) };
}

const setMeta = (db: Db, key: string) =>
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, 'v');

describe('walBarrier', () => {
  it('commits without a synchronous fsync and holds the commit pending until a flush', async () => {
    const { db, barrier } = database();
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: the barrier does the WAL's fsync
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    await barrier.flush();
    expect(barrier.pending()).toBe(false);
    setMeta(db, 'a');
    expect(barrier.pending()).toBe(true);
    await barrier.flush();
    expect(barrier.pending()).toBe(false);
  });

  it('covers the commits of concurrent writers with one fsync', async () => {
    const { db, barrier } = database();
    await barrier.flush();
    const before = barrier.group.syncs;
    setMeta(db, 'a');
    setMeta(db, 'b');
    setMeta(db, 'c');
    await Promise.all([barrier.flush(), barrier.flush(), barrier.flush()]);
    expect(barrier.group.syncs - before).toBe(1);
    expect(barrier.pending()).toBe(false);
  });

  it('costs no fsync for reads', async () => {
    const { db, barrier } = database();
    await barrier.flush();
    const before = barrier.group.syncs;
    db.prepare('SELECT * FROM meta').all();
    await barrier.flush();
    expect(barrier.group.syncs).toBe(before);
  });
});
