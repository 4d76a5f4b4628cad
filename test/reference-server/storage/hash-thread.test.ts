/**
 * Large uploads are hashed on a thread of their own, from the ranges their part file took. The digest must equal
 * the file's SHA-256 however the appends fall, and anything that goes wrong on that thread must reject the digest,
 * never answer a wrong one.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { stopHashThread, threadDigest } from '../../../reference-server/storage/hash-thread.js';
import {
  loopDigest,
  runningDigest,
  OFF_LOOP_BYTES,
  type RunningDigest,
} from '../../../reference-server/storage/running-digest.js';
import { tempDir } from '../../helpers/test-server.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function partFile(): string {
  const dir = tempDir('mbs-hash-thread-');
  dirs.push(dir);
  const file = path.join(dir, 'x.part');
  writeFileSync(file, '');
  return file;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A digest on the hashing thread, which must be had here. */
function onThread(file: string): RunningDigest {
  const digest = threadDigest(file);
  if (!digest) throw new Error('no hashing thread');
  return digest;
}

/** Appends `sizes` bytes to `file` one append at a time, telling `digest` each range, as the upload writer does. */
function appendAll(file: string, sizes: readonly number[], seed: number, digest = onThread(file)) {
  let offset = 0;
  sizes.forEach((size, i) => {
    const bytes = Buffer.alloc(size, (seed + i) % 251);
    bytes.writeUInt32BE(i, 0);
    appendFileSync(file, bytes);
    digest.appended(offset, offset + size);
    offset += size;
  });
  return digest;
}

describe('the hashing thread', () => {
  it("answers the part file's SHA-256 however its appends fall", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 4, max: 3 * 1024 * 1024 }), { minLength: 1, maxLength: 5 }),
        fc.nat(250),
        async (sizes, seed) => {
          const file = partFile();
          const digest = appendAll(file, sizes, seed);
          expect(digest.taken).toBe(sizes.reduce((a, b) => a + b, 0));
          expect(await digest.digest()).toBe(sha256(readFileSync(file)));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('hashes uploads under way side by side, each apart', async () => {
    const files = [partFile(), partFile(), partFile()];
    const digests = files.map((file) => onThread(file));
    for (let round = 0; round < 3; round++) {
      files.forEach((file, i) => {
        const bytes = Buffer.alloc(700_000 + i, round * 3 + i);
        const from = digests[i]!.taken;
        appendFileSync(file, bytes);
        digests[i]!.appended(from, from + bytes.length);
      });
    }
    const hexes = await Promise.all(digests.map((d) => d.digest()));
    expect(hexes).toEqual(files.map((file) => sha256(readFileSync(file))));
  });

  it('rejects the digest of a range that does not follow the last, or that the file does not hold', async () => {
    const gap = partFile();
    appendFileSync(gap, Buffer.alloc(10, 1));
    const skipped = onThread(gap);
    skipped.appended(5, 10);
    await expect(skipped.digest()).rejects.toThrow(/do not follow/);
    const short = partFile();
    appendFileSync(short, Buffer.alloc(10, 1));
    const beyond = onThread(short);
    beyond.appended(0, 20);
    await expect(beyond.digest()).rejects.toThrow(/ends at 10/);
  });

  it('rejects a digest asked for other bytes than it took', async () => {
    const file = partFile();
    const digest = appendAll(file, [100], 3);
    // A range that ends before it starts sends nothing, and leaves the digest at its end: 50 bytes.
    digest.appended(100, 50);
    await expect(digest.digest()).rejects.toThrow(/100 bytes taken here, 50 sent/);
  });

  it('rejects the digests it held when it ends, and a new thread hashes the next upload', async () => {
    const file = partFile();
    const held = appendAll(file, [2 * 1024 * 1024], 7);
    await stopHashThread();
    await expect(held.digest()).rejects.toThrow(/hashing thread/);
    const next = partFile();
    const digest = appendAll(next, [OFF_LOOP_BYTES, 5], 9);
    expect(await digest.digest()).toBe(sha256(readFileSync(next)));
  });

  it('is given up after three failed threads: large uploads are then hashed as their bytes arrive', async () => {
    try {
      for (let i = 0; i < 3; i++) {
        expect(threadDigest(partFile())).toBeDefined();
        await stopHashThread(true);
      }
      expect(threadDigest(partFile())).toBeUndefined();
      const large = runningDigest(partFile(), OFF_LOOP_BYTES);
      large.observe(Buffer.from('abc'));
      expect(large.taken).toBe(3);
      expect(await large.digest()).toBe(sha256(Buffer.from('abc')));
    } finally {
      await stopHashThread();
    }
    expect(threadDigest(partFile())).toBeDefined();
  });

  it('is used for large uploads only: a small one is hashed as its bytes arrive', async () => {
    const small = runningDigest(partFile(), OFF_LOOP_BYTES - 1);
    // A digest of the arriving bytes ignores ranges: it takes what it observes.
    small.appended(0, 3);
    small.observe(Buffer.from('abc'));
    expect(small.taken).toBe(3);
    expect(await small.digest()).toBe(sha256(Buffer.from('abc')));
    const large = runningDigest(partFile(), OFF_LOOP_BYTES);
    large.observe(Buffer.from('abc'));
    expect(large.taken).toBe(0);
    large.drop();
    expect(await loopDigest().digest()).toBe(sha256(Buffer.alloc(0)));
  });
});
