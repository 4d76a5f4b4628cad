/**
 * Large uploads are hashed on a thread of their own, which reads back from the part file the bytes it is told the
 * file took. The digest must equal the SHA-256 of the file's bytes however the batches fall and however the uploads
 * under way interleave, it must be of the file (not of the chunks the event loop still holds), and anything that goes
 * wrong on that thread, a range told before the file holds it included, must reject the digest, never answer a
 * wrong one.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashThreadState, stopHashThread, threadDigest } from '../../../reference-server/storage/hash-thread.js';
import {
  loopDigest,
  runningDigest,
  OFF_LOOP_BYTES,
  type RunningDigest,
} from '../../../reference-server/storage/running-digest.js';
import { scratchDir } from '../../helpers/scratch-dir.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A new, empty part file. */
function partFile(): string {
  const dir = scratchDir('mbs-hash-thread-');
  const file = path.join(dir, 'x.part');
  writeFileSync(file, '');
  return file;
}

/** A digest on the hashing thread of a new, empty part file, which must be had here. */
function onThread(file = partFile()): { digest: RunningDigest; file: string } {
  const digest = threadDigest(file);
  if (!digest) throw new Error('no hashing thread');
  return { digest, file };
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

/** Writes each batch to `file` and then tells `digest` of it, as the appender does; ends the body. */
async function sendAll(
  { digest, file }: { digest: RunningDigest; file: string },
  all: readonly Buffer[][],
  detachable: boolean,
): Promise<void> {
  for (const chunks of all) {
    appendFileSync(file, Buffer.concat(chunks));
    await digest.written(chunks, detachable);
  }
  digest.sent();
}

describe('the hashing thread', () => {
  it("answers the file's SHA-256 however its batches fall, the chunks detached or kept", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 4, max: 3 * 1024 * 1024 }), { minLength: 1, maxLength: 5 }),
        fc.nat(250),
        fc.boolean(),
        async (sizes, seed, detachable) => {
          const upload = onThread();
          await sendAll(upload, batches(sizes, seed), detachable);
          expect(upload.digest.taken).toBe(sizes.reduce((a, b) => a + b, 0));
          expect(await upload.digest.digest()).toBe(sha256(readFileSync(upload.file)));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('covers every range written of uploads that interleave, each apart', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 1, max: 700_000 })), { minLength: 1, maxLength: 12 }),
        async (writes) => {
          const uploads = [onThread(), onThread(), onThread()];
          for (const [i, [which, size]] of writes.entries()) {
            const upload = uploads[which]!;
            const bytes = Buffer.alloc(size, i);
            appendFileSync(upload.file, bytes);
            await upload.digest.written([bytes], i % 2 === 0);
          }
          // An upload none of whose bytes reached the thread has no digest there (it is hashed from its file).
          const written = uploads.filter((u) => u.digest.taken > 0);
          for (const u of uploads) if (u.digest.taken === 0) u.digest.drop();
          const hexes = await Promise.all(written.map((u) => u.digest.digest()));
          expect(hexes).toEqual(written.map((u) => sha256(readFileSync(u.file))));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('hashes the bytes the file holds, not the chunks it was shown', async () => {
    const upload = onThread();
    appendFileSync(upload.file, Buffer.alloc(1000, 7));
    await upload.digest.written([Buffer.alloc(1000, 8)], false);
    expect(await upload.digest.digest()).toBe(sha256(Buffer.alloc(1000, 7)));
  });

  it('rejects the digest when told of bytes the file does not hold yet', async () => {
    const upload = onThread();
    appendFileSync(upload.file, Buffer.alloc(500, 1));
    await upload.digest.written([Buffer.alloc(1000, 1)], false);
    await expect(upload.digest.digest()).rejects.toThrow(/the file ends at 500, before 1000/);
    const missing = onThread(path.join(scratchDir('mbs-hash-thread-'), 'gone.part'));
    await missing.digest.written([Buffer.alloc(10, 1)], false);
    await expect(missing.digest.digest()).rejects.toThrow(/ENOENT/);
    // Bytes it could not read count as done: a failed range never holds up the uploads after it.
    expect((await hashThreadState()).behind).toBe(0);
  });

  it('detaches a detachable chunk that is a whole buffer once it goes out, and leaves any other, or an empty one', async () => {
    const whole = Buffer.from(new Uint8Array(1000).fill(7).buffer);
    const shared = Buffer.alloc(2000, 9);
    const part = shared.subarray(0, 1000);
    const upload = onThread();
    appendFileSync(upload.file, Buffer.concat([whole, part]));
    await upload.digest.written([whole, part], true);
    // Held for the next message, which goes at the end of the request's body.
    expect(whole.byteLength).toBe(1000);
    upload.digest.sent();
    expect(whole.byteLength).toBe(0);
    expect(shared.equals(Buffer.alloc(2000, 9))).toBe(true);
    expect(await upload.digest.digest()).toBe(sha256(Buffer.concat([Buffer.alloc(1000, 7), Buffer.alloc(1000, 9)])));
    const kept = Buffer.from(new Uint8Array(10).fill(1));
    const other = onThread();
    appendFileSync(other.file, kept);
    await other.digest.written([kept], false);
    other.digest.sent();
    expect(kept.equals(Buffer.alloc(10, 1))).toBe(true);
    expect(await other.digest.digest()).toBe(sha256(Buffer.alloc(10, 1)));
    // An empty chunk of a buffer detached already is left as it is: a transfer list may refuse it.
    const third = onThread();
    await third.digest.written([whole], true);
    third.digest.sent();
    expect(await third.digest.digest()).toBe(sha256(Buffer.alloc(0)));
  });

  it("holds an upload's file open during an append only: its body's end closes it", async () => {
    const files = (await hashThreadState()).files;
    const upload = onThread();
    appendFileSync(upload.file, Buffer.alloc(100, 3));
    await upload.digest.written([Buffer.alloc(100, 3)], false);
    expect((await hashThreadState()).files).toBe(files + 1);
    upload.digest.sent();
    expect((await hashThreadState()).files).toBe(files);
    // The next append opens it again.
    appendFileSync(upload.file, Buffer.alloc(100, 4));
    await upload.digest.written([Buffer.alloc(100, 4)], false);
    expect(await upload.digest.digest()).toBe(sha256(readFileSync(upload.file)));
    expect((await hashThreadState()).files).toBe(files);
  });

  it('rejects the digests it held when it ends, and a new thread hashes the next upload', async () => {
    const held = onThread();
    await sendAll(held, batches([2 * 1024 * 1024], 7), true);
    await stopHashThread();
    await expect(held.digest.digest()).rejects.toThrow(/hashing thread/);
    const upload = onThread();
    await sendAll(upload, batches([OFF_LOOP_BYTES, 5], 9), true);
    expect(await upload.digest.digest()).toBe(sha256(readFileSync(upload.file)));
  });

  it('is given up after three failed threads: large uploads are then hashed as their bytes arrive', async () => {
    try {
      for (let i = 0; i < 3; i++) {
        expect(threadDigest(partFile())).toBeDefined();
        await stopHashThread(true);
      }
      expect(threadDigest(partFile())).toBeUndefined();
      const large = runningDigest(OFF_LOOP_BYTES, partFile());
      large.observe(Buffer.from('abc'));
      expect(large.taken).toBe(3);
      expect(await large.digest()).toBe(sha256(Buffer.from('abc')));
    } finally {
      await stopHashThread();
    }
    expect(threadDigest(partFile())).toBeDefined();
  });

  it('is used for large uploads only: a small one is hashed as its bytes arrive', async () => {
    const small = runningDigest(OFF_LOOP_BYTES - 1, partFile());
    // A digest of the arriving bytes ignores the written batches: it takes what it observes.
    await small.written([Buffer.from('xyz')], true);
    small.observe(Buffer.from('abc'));
    expect(small.taken).toBe(3);
    expect(await small.digest()).toBe(sha256(Buffer.from('abc')));
    const large = runningDigest(OFF_LOOP_BYTES, partFile());
    large.observe(Buffer.from('abc'));
    expect(large.taken).toBe(0);
    large.drop();
    expect(await loopDigest().digest()).toBe(sha256(Buffer.alloc(0)));
  });
});
