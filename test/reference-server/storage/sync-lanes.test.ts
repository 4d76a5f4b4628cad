/**
 * Sync lanes: no more fsyncs at a time than the lanes allow, and when a lane frees up, a small fsync that waits (the
 * WAL's, a folder's) runs before the bulk ones that were queued earlier (uploads' part files).
 */
import { describe, expect, it } from 'vitest';
import { inSyncLane } from '../../../reference-server/storage/sync-lanes.js';

/** Lets every settled promise run its callbacks. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('sync lanes', () => {
  it('holds fsyncs beyond the lanes back and lets a waiting small one go before earlier bulk ones', async () => {
    const started: string[] = [];
    const finishers = new Map<string, () => void>();
    const sync = (name: string, bulk: boolean) =>
      inSyncLane(
        () =>
          new Promise<void>((resolve) => {
            started.push(name);
            finishers.set(name, resolve);
          }),
        { bulk },
      );
    // Enough bulk fsyncs to fill every lane (the pool has at least 2 threads here) and leave two waiting.
    const lanes = Math.max(1, (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1);
    const bulk = Array.from({ length: lanes + 2 }, (_, i) => sync(`bulk${i}`, true));
    await settle();
    expect(started).toHaveLength(lanes);
    const small = sync('small', false);
    await settle();
    expect(started).not.toContain('small');

    finishers.get('bulk0')?.();
    await settle();
    expect(started.at(-1)).toBe('small');
    expect(started).toHaveLength(lanes + 1);

    finishers.get('small')?.();
    await settle();
    expect(started.at(-1)).toBe(`bulk${lanes}`);
    for (let i = 1; i < lanes + 2; i++) {
      finishers.get(`bulk${i}`)?.();
      await settle();
    }
    await Promise.all([...bulk, small]);
    expect(new Set(started).size).toBe(lanes + 3);
  });
});
