/**
 * The part files' appender: it writes every chunk, shows each to its observer, and leaves the descriptor open when
 * the body fails mid-way, so that what arrived can still be fsynced and the descriptor closed once, by its owner.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { DescriptorAppender } from '../../../reference-server/storage/descriptor-appender.js';
import { scratchDir } from '../../helpers/scratch-dir.js';

function partFile(): { file: string; fd: number } {
  const dir = scratchDir('mbs-appender-');
  const file = path.join(dir, 'x.part');
  return { file, fd: openSync(file, 'a') };
}

const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i));

describe('DescriptorAppender', () => {
  it('appends every chunk in order and shows each to the observer', async () => {
    const { file, fd } = partFile();
    const seen: Buffer[] = [];
    const out = new DescriptorAppender(fd, { observe: (chunk) => void seen.push(chunk) });
    await pipeline(Readable.from(chunks), out);
    closeSync(fd);
    const expected = Buffer.concat(chunks);
    expect(out.bytesWritten).toBe(expected.length);
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(Buffer.concat(seen).equals(expected)).toBe(true);
  });

  it('shows each batch to `written` once the file holds all of it, and waits for what that returns', async () => {
    const { file, fd } = partFile();
    const sizes: number[] = [];
    let release = () => undefined as void;
    const out = new DescriptorAppender(fd, {
      written: (batch) => {
        sizes.push(fstatSync(fd).size, batch.length);
        return sizes.length === 2 ? new Promise<void>((resolve) => (release = resolve)) : undefined;
      },
    });
    out.write(Buffer.alloc(100, 1));
    out.write(Buffer.alloc(50, 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The second write waits for the first batch's promise.
    expect(sizes).toEqual([100, 1]);
    release();
    await new Promise((resolve) => out.end(resolve));
    closeSync(fd);
    expect(sizes).toEqual([100, 1, 150, 1]);
    expect(readFileSync(file).equals(Buffer.concat([Buffer.alloc(100, 1), Buffer.alloc(50, 2)]))).toBe(true);
  });

  it('leaves the descriptor open when the body fails, with what arrived written and counted', async () => {
    const { file, fd } = partFile();
    async function* failing() {
      for (const chunk of chunks.slice(0, 10)) yield chunk;
      throw new Error('the client went away');
    }
    const out = new DescriptorAppender(fd);
    await expect(pipeline(Readable.from(failing()), out)).rejects.toThrow('the client went away');
    await out.idle();
    // Still this test's descriptor: a stream that closed it would make fstat fail with EBADF.
    expect(fstatSync(fd).size).toBe(out.bytesWritten);
    closeSync(fd);
    expect(readFileSync(file).equals(Buffer.concat(chunks).subarray(0, out.bytesWritten))).toBe(true);
    expect(out.bytesWritten).toBeGreaterThan(0);
  });

  it('writes a batch of up to 64 KiB at once, on the event loop, and a larger one through the I/O pool', async () => {
    const { file, fd } = partFile();
    const out = new DescriptorAppender(fd);
    out.write(Buffer.alloc(64 * 1024, 1));
    expect(out.bytesWritten).toBe(64 * 1024);
    out.write(Buffer.alloc(64 * 1024 + 1, 2));
    expect(out.bytesWritten).toBe(64 * 1024);
    await new Promise((resolve) => out.end(resolve));
    closeSync(fd);
    expect(out.bytesWritten).toBe(128 * 1024 + 1);
    expect(readFileSync(file).length).toBe(128 * 1024 + 1);
  });
});
