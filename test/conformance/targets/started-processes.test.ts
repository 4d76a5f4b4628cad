/**
 * The kit's interrupt listener for the processes it starts: added once while any runs and never taken off in between,
 * since node drops a signal caught for a listener that went, and gone once the last process has ended.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startProcess } from '../../../conformance/targets/started-processes.js';

const sleeper = () => startProcess([process.execPath, '-e', 'setTimeout(() => {}, 60_000)']);

describe('started processes and SIGINT', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps one listener while a second process starts, and removes it after the last ends', async () => {
    const before = process.listeners('SIGINT');
    const first = sleeper();
    const listening = process.listeners('SIGINT');
    expect(listening.length).toBe(before.length + 1);
    const removed = vi.spyOn(process, 'removeListener');
    const second = sleeper();
    expect(removed.mock.calls.filter(([event]) => event === 'SIGINT')).toEqual([]);
    expect(process.listeners('SIGINT')).toEqual(listening);
    removed.mockRestore();
    await first.stop();
    expect(process.listeners('SIGINT')).toEqual(listening);
    await second.stop();
    expect(process.listeners('SIGINT')).toEqual(before);
  });
});
