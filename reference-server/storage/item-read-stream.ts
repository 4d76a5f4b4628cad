/**
 * The stream of an item's stored bytes from `start`, bounded by the size its record holds: each read then takes a
 * buffer of what is left (at most 64 KiB) instead of 64 KiB whatever the file's size, and the stream ends after its
 * last byte without a read that finds the end of the file. An empty remainder is read as an empty file.
 *
 * The open and the reads go to the I/O pool; the close runs on the event loop: closing a descriptor that was only
 * read takes microseconds, and a round trip through the pool costs the event loop more (durable-fs.ts).
 */
import { closeSync, createReadStream, open, read, type ReadStream } from 'node:fs';

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

export function itemReadStream(file: string, start: number, size: number): ReadStream {
  return size > start
    ? createReadStream(file, { start, end: size - 1, fs: closeOnLoop })
    : createReadStream(file, { start, fs: closeOnLoop });
}
