/**
 * A load run's end: reached at its duration or at once on abort, and a phone's pause ends with it, without waking
 * in between to look at the clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEnd } from '../../../conformance/load/run-end.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('runEnd', () => {
  it('is over once the duration has passed, and a pause ends with the run', async () => {
    vi.useFakeTimers();
    const start = performance.now();
    const end = runEnd(() => performance.now() - start, 1000);
    const pause = end.pause(5000);
    expect(end.over()).toBe(false);
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(end.over()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await end.reached;
    await pause;
    expect(end.over()).toBe(true);
    expect(performance.now() - start).toBe(1000);
    // Once over, a pause does not wait at all.
    expect(await Promise.race([end.pause(100), Promise.resolve('waiting')])).toBeUndefined();
  });

  it('looks again when its timer fires before the clock reaches the duration', async () => {
    vi.useFakeTimers();
    let lag = 3;
    const start = performance.now();
    const end = runEnd(() => performance.now() - start - lag, 100);
    await vi.advanceTimersByTimeAsync(100);
    expect(end.over()).toBe(false);
    lag = 0;
    await vi.advanceTimersByTimeAsync(3);
    await end.reached;
    expect(end.over()).toBe(true);
  });

  it('ends at once when aborted, also when aborted before it began', async () => {
    const controller = new AbortController();
    const end = runEnd(() => 0, 60_000, controller.signal);
    const pause = end.pause(60_000);
    controller.abort();
    await pause;
    await end.reached;
    expect(end.over()).toBe(true);
    const early = runEnd(() => 0, 60_000, AbortSignal.abort());
    expect(early.over()).toBe(true);
    await early.reached;
  });
});
