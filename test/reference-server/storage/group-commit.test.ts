/**
 * Group commit: writers that ask together share one sync, none is answered before a sync that began after its write
 * has finished, and a failed sync answers none of them (nor anyone after).
 */
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../reference-server/storage/group-commit.js';

/** A sync the test finishes by hand, with the write level it saw when it began. */
function controlledDisk() {
  let level = 0;
  const syncs: { level: number; finish: () => void; fail: (error: Error) => void }[] = [];
  const group = new GroupCommit(
    () =>
      new Promise<void>((resolve, reject) => {
        syncs.push({ level, finish: resolve, fail: reject });
      }),
    () => level,
  );
  return {
    group,
    syncs,
    write: () => {
      level += 1;
    },
  };
}

/** Lets every settled promise run its callbacks. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function track(promise: Promise<void>) {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error: unknown) => (state.error = error),
  );
  return state;
}

describe('GroupCommit', () => {
  it('answers two concurrent writers only once their shared sync has finished', async () => {
    const disk = controlledDisk();
    disk.write();
    const first = track(disk.group.flush());
    disk.write();
    const second = track(disk.group.flush());
    await settle();
    expect(disk.syncs).toHaveLength(1);
    // The first sync began before the second write: the second writer must wait for another one.
    expect(disk.syncs[0]?.level).toBe(1);
    expect(first.done || second.done).toBe(false);
    disk.syncs[0]?.finish();
    await settle();
    expect(first.done).toBe(true);
    expect(second.done).toBe(false);
    expect(disk.syncs).toHaveLength(2);
    expect(disk.syncs[1]?.level).toBe(2);
    disk.syncs[1]?.finish();
    await settle();
    expect(second.done).toBe(true);
  });

  it('covers every writer that asks while a sync runs with one more sync', async () => {
    const disk = controlledDisk();
    disk.write();
    const first = track(disk.group.flush());
    const waiting = Array.from({ length: 5 }, () => {
      disk.write();
      return track(disk.group.flush());
    });
    disk.syncs[0]?.finish();
    await settle();
    expect(first.done).toBe(true);
    expect(disk.syncs).toHaveLength(2);
    expect(waiting.some((w) => w.done)).toBe(false);
    disk.syncs[1]?.finish();
    await settle();
    expect(waiting.every((w) => w.done)).toBe(true);
    expect(disk.group.syncs).toBe(2);
  });

  it('fails both writers of a failed sync, acknowledges neither, and fails every later flush', async () => {
    const disk = controlledDisk();
    disk.write();
    disk.write();
    const first = track(disk.group.flush());
    const second = track(disk.group.flush());
    await settle();
    expect(disk.syncs).toHaveLength(1);
    const broken = new Error('EIO');
    disk.syncs[0]?.fail(broken);
    await settle();
    expect([first.done, second.done]).toEqual([false, false]);
    expect([first.error, second.error]).toEqual([broken, broken]);
    disk.write();
    const later = track(disk.group.flush());
    await settle();
    expect(later.error).toBe(broken);
    expect(disk.syncs).toHaveLength(1);
    expect(disk.group.pending()).toBe(true);
  });

  it('fails the writers queued behind a failed sync without syncing again', async () => {
    const disk = controlledDisk();
    disk.write();
    const first = track(disk.group.flush());
    disk.write();
    const queued = track(disk.group.flush());
    disk.syncs[0]?.fail(new Error('EIO'));
    await settle();
    expect(first.error).toBeInstanceOf(Error);
    expect(queued.error).toBeInstanceOf(Error);
    expect(queued.done).toBe(false);
    expect(disk.syncs).toHaveLength(1);
  });

  it('costs nothing when nothing was written since the last sync', async () => {
    const disk = controlledDisk();
    disk.write();
    const first = track(disk.group.flush());
    disk.syncs[0]?.finish();
    await settle();
    expect(first.done).toBe(true);
    expect(disk.group.pending()).toBe(false);
    await disk.group.flush();
    expect(disk.syncs).toHaveLength(1);
  });
});
