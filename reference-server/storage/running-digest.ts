/**
 * The SHA-256 of an upload's bytes, kept up to date as its part file grows, so that completing the upload rarely
 * reads the whole file again on the event loop.
 *
 * A small upload's bytes are hashed on the event loop as they arrive: handing 4 KB to another thread costs more
 * than hashing it. A large one's are hashed on a thread of its own (hash-thread.ts), which reads each append's bytes
 * back from the part file once they are written: at about 1 GB/s, hashing on the event loop was a third of its work
 * under many large uploads, and every request waited behind it. Handing the bytes over instead (a copy and a message
 * per batch) cost the event loop half as much as hashing them, and the copies' memory brought on collections; one
 * message per append costs it nothing that grows with the bytes, and the thread reads them from the page cache.
 */
import { createHash } from 'node:crypto';
import { threadDigest } from './hash-thread.js';

export interface RunningDigest {
  /** How many of the upload's first bytes the digest has taken. */
  readonly taken: number;
  /** Sees each chunk as its write starts, in order: a digest of the bytes as they arrive takes them here. */
  observe(chunk: Buffer): void;
  /** The part file took bytes [from, to): a digest of the file's bytes takes them here. */
  appended(from: number, to: number): void;
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

/** A running digest of the upload `part` of `size` bytes: on the hashing thread when it is large, else here. */
export function runningDigest(part: string, size: number): RunningDigest {
  return (size >= OFF_LOOP_BYTES ? threadDigest(part) : undefined) ?? loopDigest();
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
    appended: () => undefined,
    digest: async () => hash.digest('hex'),
    drop: () => undefined,
  };
}
