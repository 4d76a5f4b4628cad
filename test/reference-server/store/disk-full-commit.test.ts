/**
 * SQLite's own writes on a full disk (store/quota-writes.ts, storage/disk-full.ts): a commit the disk refuses is
 * answered `507 server-disk-full`, the server keeps running and answering, the database holds nothing of the refused
 * request (SQLite's integrity check passes, the rows are those of the writes that were answered), and once the disk
 * has room again the same requests succeed, before and after a restart on the same data. Twice over: on the quota
 * (always), and on a real full disk, a small tmpfs mounted for the test (root only: skipped, saying so, elsewhere).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import { bytesUnder } from '../../../reference-server/storage/disk-quota.js';
import { layoutOf } from '../../../reference-server/storage/layout.js';
import { TRANSACTION_PAGES, WAL_PAGES } from '../../../reference-server/store/quota-writes.js';
import { bytesOf, photo, sha256, startTestServer, tempDir, type TestServer } from '../../helpers/test-server.js';

const QUOTA = 8 * 1024 * 1024;
/** Less room than a write of the database is let in with (quota-writes.ts), more than any item's claim needs. */
const LESS_THAN_HEADROOM = ((WAL_PAGES + TRANSACTION_PAGES) * 4096) / 2;
/** Generous for a busy two-core machine: two server starts and up to a few hundred commits. */
const TIMEOUT_MS = 120_000;

let t: TestServer | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

type Device = Awaited<ReturnType<TestServer['pairDevice']>>;

/** What the database holds, read beside the server through a second connection: its integrity and its rows. */
function storeState(dataDir: string) {
  const db = new Database(layoutOf(dataDir).database, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      backups: (db.prepare('SELECT count(*) AS n FROM backups').get() as { n: number }).n,
      committed: (db.prepare('SELECT count(*) AS n FROM backups WHERE committed_at IS NOT NULL').get() as { n: number })
        .n,
      items: (db.prepare('SELECT sha256 FROM items').all() as { sha256: string }[]).map((r) => r.sha256),
    };
  } finally {
    db.close();
  }
}

/** An item uploaded and acknowledged: its sha256. */
async function uploadOne(device: Device, seed: number): Promise<string> {
  const bytes = bytesOf(seed, 50_000);
  const backup = await device.call('startBackup', { body: {} });
  const created = await device.call('createUpload', {
    body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo(`F${seed}.png`) },
  });
  if (created.status === 'duplicate') throw new Error('a fresh server holds no item');
  expect((await device.append(created.upload.uploadId, 0, bytes)).complete).toBe(true);
  await device.call('commitBackup', {
    params: { backupId: backup.backupId },
    body: { present: [sha256(bytes)], accounts: [] },
  });
  return sha256(bytes);
}

/**
 * Starts backup jobs until the disk refuses one (at most `tries`): each start is a commit of one row. Returns how
 * many were started before the refusal, and the refusal.
 */
async function startJobsUntilRefused(device: Device, tries: number): Promise<{ started: number; refusal: unknown }> {
  for (let started = 0; started < tries; started++) {
    const refusal = await device.call('startBackup', { body: {} }).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (refusal !== undefined) return { started, refusal };
  }
  return { started: tries, refusal: undefined };
}

/** Refused cleanly, then everything works again once there is room, before and after a restart. */
async function expectCleanRefusal(dataDir: string, device: Device, item: string, tries: number, free: () => void) {
  const before = storeState(dataDir);
  const { started, refusal } = await startJobsUntilRefused(device, tries);
  expect(refusal).toBeInstanceOf(MbsError);
  expect(refusal).toMatchObject({ code: 'server-disk-full', status: 507 });
  // The server answers on, and holds exactly the writes it answered.
  expect((await device.call('listItems', {})).items.map((i) => i.sha256)).toEqual([item]);
  const refused = storeState(dataDir);
  expect(refused).toEqual({ ...before, backups: before.backups + started });
  expect(refused.integrity).toBe('ok');

  free();
  const job = await device.call('startBackup', { body: {} });
  await device.call('commitBackup', { params: { backupId: job.backupId }, body: { present: [item], accounts: [] } });
  expect(storeState(dataDir)).toEqual({
    ...refused,
    backups: refused.backups + 1,
    committed: refused.committed + 1,
  });
  expect((await device.download(item)).length).toBe(50_000);
}

describe('a commit the quota refuses', () => {
  it(
    'is answered server-disk-full, keeps nothing of it, and the server works once there is room',
    { timeout: TIMEOUT_MS },
    async () => {
      const dataDir = tempDir('mbs-db-quota-');
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      t = await startTestServer('pro', { dataDir, diskQuota: QUOTA });
      const device = await t.pairDevice('Pixel quota');
      const item = await uploadOne(device, 31);
      // Room left for an item's bytes, not for what a database write may add: only SQLite's writes are refused.
      const filler = path.join(dataDir, 'filler');
      writeFileSync(filler, '');
      truncateSync(filler, QUOTA - bytesUnder(dataDir) - LESS_THAN_HEADROOM);
      await expectCleanRefusal(dataDir, device, item, 1, () => rmSync(filler));

      await t.close();
      t = await startTestServer('pro', { dataDir, diskQuota: QUOTA });
      expect(storeState(dataDir).integrity).toBe('ok');
      const again = await t.pairDevice('Pixel quota 2');
      expect((await again.call('startBackup', { body: {} })).backupId).toEqual(expect.any(String));
    },
  );
});

/** A tmpfs of `bytes` on a fresh folder, or why none can be mounted here. */
function mountTmpfs(bytes: number): { dir: string } | { lack: string } {
  const dir = tempDir('mbs-db-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { lack: `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}` };
  }
  afterAll(() => {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir };
}

/** Writes until the disk refuses: a file as large as the room left, then one more byte refused. */
function fillToTheLastByte(dir: string): string {
  const filler = path.join(dir, 'filler');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeFileSync(filler, chunk, { flag: 'a' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  for (let size = 1024; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) writeFileSync(filler, Buffer.alloc(size), { flag: 'a' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
  return filler;
}

const mounted = process.getuid?.() === 0 ? mountTmpfs(16 * 1024 * 1024) : { lack: 'not root: no tmpfs to mount' };

describe('a commit a real full disk refuses (a small tmpfs)', () => {
  it.skipIf('lack' in mounted)(
    `is answered server-disk-full, keeps nothing of it, and the server works once there is room${'lack' in mounted ? ` (skipped: ${mounted.lack})` : ''}`,
    { timeout: TIMEOUT_MS },
    async () => {
      if (!('dir' in mounted)) return;
      const dataDir = mounted.dir;
      t = await startTestServer('pro', { dataDir });
      const device = await t.pairDevice('Pixel tmpfs');
      const item = await uploadOne(device, 32);
      const filler = fillToTheLastByte(dataDir);
      // The WAL may still have room inside its file; the jobs go on until one needs the disk to grow it.
      await expectCleanRefusal(dataDir, device, item, 2000, () => rmSync(filler));

      await t.close();
      t = await startTestServer('pro', { dataDir });
      expect(storeState(dataDir).integrity).toBe('ok');
      expect((await (await t.pairDevice('Pixel tmpfs 2')).call('startBackup', { body: {} })).backupId).toEqual(
        expect.any(String),
      );
    },
  );
});
