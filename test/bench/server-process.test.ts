import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { probeProcess } from '../../bench/server/server-process.js';

/** Hashes 256 MB on a thread of its own (about a quarter of a second of CPU), then ends. */
const HASHING_THREAD = `
const { createHash } = require('node:crypto');
const chunk = Buffer.alloc(1024 * 1024, 7);
const hash = createHash('sha256');
for (let i = 0; i < 256; i++) hash.update(chunk);
hash.digest('hex');
`;

function hashOnThisThread(megabytes: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 3);
  const hash = createHash('sha256');
  for (let i = 0; i < megabytes; i++) hash.update(chunk);
  hash.digest('hex');
}

describe.runIf(process.platform === 'linux')('probeProcess', () => {
  it('tells the main thread’s CPU apart from the process’s', async () => {
    const before = probeProcess(process.pid);
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(HASHING_THREAD, { eval: true });
      worker.once('error', reject);
      worker.once('exit', () => resolve());
    });
    const afterThread = probeProcess(process.pid);
    hashOnThisThread(256);
    const after = probeProcess(process.pid);
    if (!before || !afterThread || !after) throw new Error('no /proc on this machine');
    // The other thread's hashing counts for the process only; this thread's hashing for both.
    const threadWork = afterThread.cpuSeconds - before.cpuSeconds;
    const threadWorkOnMain = afterThread.mainThreadCpuSeconds - before.mainThreadCpuSeconds;
    expect(threadWork - threadWorkOnMain).toBeGreaterThanOrEqual(0.05);
    expect(after.mainThreadCpuSeconds - afterThread.mainThreadCpuSeconds).toBeGreaterThanOrEqual(0.05);
    expect(after.mainThreadCpuSeconds).toBeLessThanOrEqual(after.cpuSeconds);
  });
});
