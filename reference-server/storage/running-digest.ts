/**
 * The SHA-256 of an upload's bytes, kept up to date as its part file grows, so that completing the upload rarely
 * reads the whole file again on the event loop.
 *
 * A small upload's bytes are hashed on the event loop as they arrive: handing 4 KB to another thread costs more
 * than hashing it. A large one's are hashed on a thread of its own (hash-thread.ts), at about 1.7 GB/s, which was a
 * third of the event loop's work under many large uploads, and every request waited behind it. The thread is told
 * of each batch of chunks once the part file took it, and reads the batch back from the page cache: no chunk is copied
 * or handed to it (copying them cost the event loop half as much as hashing them, and handing them over brought on the
 * thread's collections).
 */
import { createHash } from 'node:crypto';
import { threadDigest } from './hash-thread.js';

export interface RunningDigest {
  /** How many of the upload's first bytes the digest has taken. */
  readonly taken: number;
  /** Sees each chunk as its write starts, in order: a digest of the bytes as they arrive takes them here. */
  observe(chunk: Buffer): void;
  /**
   * The part file took these chunks, all of them, in order: a digest on the hashing thread reads their bytes back
   * from the file. With `detachable` the chunks are not used afterwards, and may be detached (they are then empty). A
   * promise holds up the next batch while the thread is far behind.
   */
  written(chunks: readonly Buffer[], detachable: boolean): void | Promise<void>;
  /** A request's body has ended: ranges held back for the hashing thread go out now, and it closes the file after. */
  sent(): void;
  /**
   * The hex SHA-256 of every byte taken. Rejects when the hashing thread failed, or took other bytes than were sent
   * to it: hash the file instead.
   */
  digest(): Promise<string>;
  /** Lets the bytes' state go without a digest. */
  drop(): void;
}

/** Uploads of at least this many bytes are hashed on the hashing thread (on the event loop once threads failed). */
export const OFF_LOOP_BYTES = 1024 * 1024;

/** A running digest of an upload of `size` bytes written to `file`: on the hashing thread when large, else here. */
export function runningDigest(size: number, file: string): RunningDigest {
  return (size >= OFF_LOOP_BYTES ? threadDigest(file) : undefined) ?? loopDigest();
}

/** A running digest on the event loop, of the bytes as they arrive. */
export function loopDigest(): RunningDigest {
  const hash = createHash('sha256');
  let taken = 0;
  return {
    get taken() {
      return taken;
    },
    observe(chunk) {
      hash.update(chunk);
      taken += chunk.length;
    },
    written: () => undefined,
    sent: () => undefined,
    digest: async () => hash.digest('hex'),
    drop: () => undefined,
  };
}

/** Bodies whose chunks are theirs alone (a request's, as the HTTP parser made them): nothing reads them after. */
const detachableBodies = new WeakSet<object>();

/** Marks `body` as one whose chunks, once written, may be detached (hash-thread.ts) instead of left to a collection. */
export function markChunksDetachable(body: object): void {
  detachableBodies.add(body);
}

/** Whether `body`'s chunks may be detached once written (markChunksDetachable). */
export function chunksDetachable(body: object): boolean {
  return detachableBodies.has(body);
}
