/**
 * Large uploads are hashed on a thread of their own, handed the chunks their part file took. The digest must equal
 * the SHA-256 of the bytes however the batches fall, whether the chunks are handed over or copied, and anything that
 * goes wrong on that thread must reject the digest, never answer a wrong one.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stopHashThread, threadDigest } from '../../../reference-server/storage/hash-thread.js';
import {
  loopDigest,
  runningDigest,
  OFF_LOOP_BYTES,
  type RunningDigest,
} from '../../../reference-server/storage/running-digest.js';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A digest on the hashing thread, which must be had here. */
function onThread(): RunningDigest {
  const digest = threadDigest();
  if (!digest) throw new Error('no hashing thread');
  return digest;
}

/** Batches of `sizes` bytes, each of chunks of at most `chunkBytes`, each chunk a buffer of its own. */
function batches(sizes: readonly number[], seed: number, chunkBytes = 64 * 1024): Buffer[][] {
  return sizes.map((size, i) => {
    const bytes = Buffer.alloc(size, (seed + i) % 251);
    bytes.writeUInt32BE(i, 0);
    const chunks: Buffer[] = [];
    for (let at = 0; at < size; at += chunkBytes) chunks.push(Buffer.from(bytes.subarray(at, at + chunkBytes)));
    return chunks;
  });
}

/** Hands `digest` each batch as the appender does, and answers the bytes sent, as they were before any hand-over. */
async function sendAll(digest: RunningDigest, all: readonly Buffer[][], handOver: boolean): Promise<Buffer> {
  const sent = Buffer.concat(all.flat());
  for (const chunks of all) await digest.written(chunks, handOver);
  return sent;
}

describe('the hashing thread', () => {
  it("answers the bytes' SHA-256 however its batches fall, handed over or copied", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 4, max: 3 * 1024 * 1024 }), { minLength: 1, maxLength: 5 }),
        fc.nat(250),
        fc.boolean(),
        async (sizes, seed, handOver) => {
          const digest = onThread();
          const sent = await sendAll(digest, batches(sizes, seed), handOver);
          expect(digest.taken).toBe(sizes.reduce((a, b) => a + b, 0));
          expect(await digest.digest()).toBe(sha256(sent));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('takes a handed-over chunk that is a whole buffer, and copies one that is part of a buffer', async () => {
    const whole = Buffer.from(new Uint8Array(1000).fill(7).buffer);
    const shared = Buffer.alloc(2000, 9);
    const part = shared.subarray(0, 1000);
    const digest = onThread();
    await digest.written([whole, part], true);
    // Held for the next message, which goes at the end of the request's body: the whole buffer then belongs to the
    // thread; the buffer the part lies in is left as it was.
    expect(whole.byteLength).toBe(1000);
    digest.sent();
    expect(whole.byteLength).toBe(0);
    expect(shared.equals(Buffer.alloc(2000, 9))).toBe(true);
    expect(await digest.digest()).toBe(sha256(Buffer.concat([Buffer.alloc(1000, 7), Buffer.alloc(1000, 9)])));
    const kept = Buffer.from(new Uint8Array(10).fill(1));
    const copied = onThread();
    await copied.written([kept], false);
    expect(kept.equals(Buffer.alloc(10, 1))).toBe(true);
    expect(await copied.digest()).toBe(sha256(Buffer.alloc(10, 1)));
  });

  it('hashes uploads under way side by side, each apart', async () => {
    const digests = [onThread(), onThread(), onThread()];
    const sent: Buffer[][] = [[], [], []];
    for (let round = 0; round < 3; round++) {
      for (const [i, digest] of digests.entries()) {
        const bytes = Buffer.alloc(700_000 + i, round * 3 + i);
        sent[i]!.push(bytes);
        await digest.written([Buffer.from(bytes)], true);
      }
    }
    const hexes = await Promise.all(digests.map((d) => d.digest()));
    expect(hexes).toEqual(sent.map((bytes) => sha256(Buffer.concat(bytes))));
  });

  it('rejects the digests it held when it ends, and a new thread hashes the next upload', async () => {
    const held = onThread();
    await sendAll(held, batches([2 * 1024 * 1024], 7), true);
    await stopHashThread();
    await expect(held.digest()).rejects.toThrow(/hashing thread/);
    const digest = onThread();
    const sent = await sendAll(digest, batches([OFF_LOOP_BYTES, 5], 9), true);
    expect(await digest.digest()).toBe(sha256(sent));
  });

  it('is given up after three failed threads: large uploads are then hashed as their bytes arrive', async () => {
    try {
      for (let i = 0; i < 3; i++) {
        expect(threadDigest()).toBeDefined();
        await stopHashThread(true);
      }
      expect(threadDigest()).toBeUndefined();
      const large = runningDigest(OFF_LOOP_BYTES);
      large.observe(Buffer.from('abc'));
      expect(large.taken).toBe(3);
      expect(await large.digest()).toBe(sha256(Buffer.from('abc')));
    } finally {
      await stopHashThread();
    }
    expect(threadDigest()).toBeDefined();
  });

  it('is used for large uploads only: a small one is hashed as its bytes arrive', async () => {
    const small = runningDigest(OFF_LOOP_BYTES - 1);
    // A digest of the arriving bytes ignores the written batches: it takes what it observes.
    await small.written([Buffer.from('xyz')], true);
    small.observe(Buffer.from('abc'));
    expect(small.taken).toBe(3);
    expect(await small.digest()).toBe(sha256(Buffer.from('abc')));
    const large = runningDigest(OFF_LOOP_BYTES);
    large.observe(Buffer.from('abc'));
    expect(large.taken).toBe(0);
    large.drop();
    expect(await loopDigest().digest()).toBe(sha256(Buffer.alloc(0)));
  });
});
