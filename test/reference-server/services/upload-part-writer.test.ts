/**
 * The part files' writer with a large upload's digest on the hashing thread: once an append's body has ended, the
 * ranges held back for the thread go out and the thread lets the part file go (it holds no descriptor between
 * appends, however many uploads are left unfinished), and the digest asked at completion is of every byte appended.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UploadPartWriter } from '../../../reference-server/services/upload-part-writer.js';
import { hashThreadState } from '../../../reference-server/storage/hash-thread.js';
import { markChunksDetachable, OFF_LOOP_BYTES } from '../../../reference-server/storage/running-digest.js';
import { scratchDir } from '../../helpers/scratch-dir.js';

/** A request's body of `chunks`, marked as one whose chunks nothing reads once written. */
function body(chunks: readonly Buffer[]): Readable {
  const readable = Readable.from(chunks.map((c) => Buffer.from(c)));
  markChunksDetachable(readable);
  return readable;
}

/** A writer, the path of upload `id`'s part file in a folder of its own, and the files the thread holds open now. */
async function partWriter(id: string) {
  const dir = scratchDir('mbs-part-writer-');
  return {
    part: path.join(dir, `${id}.part`),
    writer: new UploadPartWriter(),
    before: (await hashThreadState()).files,
  };
}

describe('UploadPartWriter', () => {
  it("sends an append's held ranges to the hashing thread when its body ends, which then closes the file", async () => {
    const { part, writer, before } = await partWriter('u1');
    // Two appends of a large upload, each far below the bytes that send held ranges on their own.
    const appended: Buffer[] = [];
    for (const fill of [1, 2]) {
      const open = await writer.open('u1', part, 2 * OFF_LOOP_BYTES);
      const chunks = [Buffer.alloc(40_000, fill), Buffer.alloc(30_000, fill + 10)];
      appended.push(...chunks);
      expect(await open.append(body(chunks))).toBe(Buffer.concat(appended).length);
      await open.close();
      expect((await hashThreadState()).files).toBe(before);
    }
    const file = readFileSync(part);
    expect(file.equals(Buffer.concat(appended))).toBe(true);
    // The thread has read every range (the count above waited for it): with the file gone, only it can answer.
    rmSync(part);
    expect(await writer.digest('u1', part)).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it("lets the part file go on the hashing thread when an append's body fails part-way", async () => {
    const { part, writer, before } = await partWriter('u2');
    const open = await writer.open('u2', part, 2 * OFF_LOOP_BYTES);
    const failing = new Readable({ read() {} });
    markChunksDetachable(failing);
    failing.push(Buffer.alloc(50_000, 5));
    setImmediate(() => failing.destroy(new Error('the client went away')));
    await expect(open.append(failing)).rejects.toThrow(/went away/);
    await open.close();
    expect((await hashThreadState()).files).toBe(before);
    // The bytes the file took stay, and the digest asked later is of them.
    const file = readFileSync(part);
    expect(file.length).toBe(50_000);
    rmSync(part);
    expect(await writer.digest('u2', part)).toBe(createHash('sha256').update(file).digest('hex'));
  });
});
