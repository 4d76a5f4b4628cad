/**
 * The stream of an item's stored bytes from `start`, bounded by the size its record holds: each read then takes a
 * buffer of what is left (at most 64 KiB) instead of 64 KiB whatever the file's size, and the stream ends after its
 * last byte without a read that finds the end of the file. An empty remainder is read as an empty file.
 *
 * The open and the reads go to the I/O pool; the close runs on the event loop: closing a descriptor that was only
 * read takes microseconds, and a round trip through the pool costs the event loop more (durable-fs.ts). On a file
 * system kept in memory (memory-fs.ts) a remainder of up to 64 KiB, one read either way, is read on the event loop:
 * no disk to wait for there, and two round trips through the pool and a file stream less.
 */
import { closeSync, createReadStream, open, openSync, read, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { inMemoryFs } from './memory-fs.js';

const closeOnLoop = {
  open,
  read,
  close(fd: number, done: (error: NodeJS.ErrnoException | null) => void): void {
    let failure: NodeJS.ErrnoException | null = null;
    try {
      closeSync(fd);
    } catch (error) {
      failure = error as NodeJS.ErrnoException;
    }
    // A stream's close callback is called later, never from inside its own call.
    process.nextTick(done, failure);
  },
};

/** The most bytes read on the event loop, from a file system kept in memory. */
const READ_ON_LOOP_BYTES = 64 * 1024;

export function itemReadStream(file: string, start: number, size: number): Readable {
  if (size <= start) return createReadStream(file, { start, fs: closeOnLoop });
  if (size - start <= READ_ON_LOOP_BYTES && inMemoryFs(file)) return readOnLoop(file, start, size);
  return createReadStream(file, { start, end: size - 1, fs: closeOnLoop });
}

/**
 * The bytes from `start` up to `size` (fewer if the file ends first), read at once; a failure (the file is gone, say)
 * fails the stream, as the file stream's own open or read would.
 */
function readOnLoop(file: string, start: number, size: number): Readable {
  const stream = new Readable({ read() {} });
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.allocUnsafe(size - start);
      let got = 0;
      for (let n = -1; got < bytes.length && n !== 0; got += n) {
        n = readSync(fd, bytes, got, bytes.length - got, start + got);
      }
      if (got > 0) stream.push(bytes.subarray(0, got));
      stream.push(null);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    stream.destroy(error as Error);
  }
  return stream;
}
