/**
 * A writable stream that appends to a descriptor it does not own. Node's file write stream closes its descriptor
 * when destroyed (as a pipeline does when the request body fails), even with `autoClose: false`; the caller here
 * still has to fsync and close that descriptor, and a number closed twice may by then belong to another file.
 * Chunks queued together go out in one writev; `idle()` waits for a write still under way. The stream takes up to
 * its body's share of the held bytes while a write is under way (held-bytes.ts: a megabyte for one upload, down to 16 KB
 * each for many): with the default 16 KB one upload paused its body after every socket read, so each
 * read cost a write call and a pool round trip of its own.
 *
 * Once the file has taken a whole batch, its chunks are shown to `written` (a hashing thread takes them there), and
 * the next batch waits for what that returns.
 *
 * A batch of at most 64 KiB is written on the event loop: copying it into the page cache takes a few microseconds,
 * less than the event loop's own share of a round trip through the I/O pool (20-30 µs, see durable-fs.ts), and most
 * uploads are a single such batch. Larger batches go to the pool, where a slow disk holds up no other request.
 */
import { writev, writevSync } from 'node:fs';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import type { DiskQuota } from './disk-quota.js';
import { heldBytesShare } from './held-bytes.js';

const writeVector = promisify(writev);
/** The largest batch written on the event loop. */
const WRITE_ON_LOOP_BYTES = 64 * 1024;

/** What an appender shows its chunks to. */
export interface AppendObserver {
  /** Sees every chunk, in order, as its write starts (a running hash of the arriving bytes). */
  observe?(chunk: Buffer): void;
  /** Sees the chunks of each batch, in order, once the file took all of them; a promise holds up the next batch. */
  written?(chunks: readonly Buffer[]): void | Promise<void>;
}

export class DescriptorAppender extends Writable {
  /** Bytes the file has taken, counted from the system's answers. */
  bytesWritten = 0;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly fd: number,
    private readonly observer: AppendObserver = {},
    /** When set, a write that would take the data directory past it fails as on a full disk, writing nothing. */
    private readonly quota?: DiskQuota,
    /** Bytes buffered before pushing back on the source; one writev takes them all. */
    batchBytes = heldBytesShare(),
  ) {
    super({ highWaterMark: batchBytes });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this._writev([{ chunk }], done);
  }

  override _writev(chunks: { chunk: Buffer }[], done: (error?: Error | null) => void): void {
    const buffers = chunks.map((c) => c.chunk);
    // The write goes to the I/O pool first and the chunks are observed (hashed) while it runs, not before it starts.
    this.track(
      this.writeAll(buffers).then(() => this.observer.written?.(buffers)),
      done,
    );
    const { observe } = this.observer;
    if (observe) for (const buffer of buffers) observe(buffer);
  }

  /** Resolves once no write is under way (also after the stream was destroyed mid-write). */
  idle(): Promise<void> {
    return this.current.catch(() => undefined);
  }

  private track(write: Promise<void>, done: (error?: Error | null) => void): void {
    this.current = write;
    write.then(
      () => done(),
      (error: Error) => done(error),
    );
  }

  /** The file is opened for appending; a short write (a full disk, say) goes on with what is left, or fails. */
  private async writeAll(buffers: Buffer[]): Promise<void> {
    let left = buffers;
    const bytes = left.reduce((sum, b) => sum + b.length, 0);
    this.quota?.claim(bytes);
    const onLoop = bytes <= WRITE_ON_LOOP_BYTES;
    while (left.length > 0) {
      const written = onLoop ? writevSync(this.fd, left) : (await writeVector(this.fd, left)).bytesWritten;
      if (written === 0) throw new Error('The file took no bytes.');
      this.bytesWritten += written;
      left = dropBytes(left, written);
    }
  }
}

function dropBytes(buffers: Buffer[], count: number): Buffer[] {
  let skip = count;
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  return rest;
}
