/**
 * fsyncs on a file system kept only in memory (/dev/shm) are skipped, and on a disk they still run: seen through the
 * sync lanes, which every fsync waits for. With every lane held, an fsync of a file on /dev/shm finishes at once,
 * and one of a file on the disk that holds this repository waits until a lane frees up.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsyncPath } from '../../../reference-server/storage/durable-fs.js';
import { inMemoryFs } from '../../../reference-server/storage/memory-fs.js';
import { inSyncLane } from '../../../reference-server/storage/sync-lanes.js';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
const folders: string[] = [];
const folderIn = (root: string) => {
  const folder = mkdtempSync(path.join(root, 'mbs-memory-fs-'));
  folders.push(folder);
  const file = path.join(folder, 'part');
  writeFileSync(file, 'bytes');
  return file;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Holds every sync lane until the returned function is called. */
async function holdEveryLane(): Promise<() => Promise<void>> {
  const lanes = Math.max(1, (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1);
  const releases: (() => void)[] = [];
  const held = Array.from({ length: lanes }, () => inSyncLane(() => new Promise<void>((r) => releases.push(r))));
  await settle();
  return async () => {
    releases.forEach((release) => release());
    await Promise.all(held);
  };
}

describe('fsyncs on a file system in memory', () => {
  it.skipIf(!existsSync('/dev/shm'))('are skipped on /dev/shm: no lane is waited for', async () => {
    const file = folderIn('/dev/shm');
    expect(inMemoryFs(file)).toBe(true);
    const release = await holdEveryLane();
    try {
      let done = false;
      void Promise.all([fsyncPath(file), fsyncPath(path.dirname(file))]).then(() => (done = true));
      await settle();
      expect(done).toBe(true);
    } finally {
      await release();
    }
  });

  // The repository's own folder stands for a disk; a checkout kept in memory has none to show.
  const onDisk = path.join(import.meta.dirname, '..', '..', '..', 'reports');
  it.skipIf(inMemoryFs(onDisk))('run on a disk: they wait for a lane', async () => {
    const file = folderIn(onDisk);
    expect(inMemoryFs(file)).toBe(false);
    const release = await holdEveryLane();
    let done = false;
    const synced = fsyncPath(file).then(() => (done = true));
    try {
      await settle();
      expect(done).toBe(false);
    } finally {
      await release();
    }
    await synced;
    expect(done).toBe(true);
  });

  it('run when the file system cannot be read: a file that is gone is not taken for memory', () => {
    expect(inMemoryFs(path.join('/dev/shm', 'mbs-no-such-folder', 'part'))).toBe(false);
  });
});
