/**
 * Appending a request's bytes to an upload's part file. The bytes that reach the file are fsynced, whether or not
 * the client stayed, and a running SHA-256 of them is kept while it matches the file, so that completing an upload
 * rarely has to re-read it.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileSize, fsyncPath } from '../storage/durable-fs.js';
import type { UploadRow } from '../store/rows.js';

/** A running hash of an upload's bytes, valid while `offset` equals the part file's size. */
interface RunningHash {
  hash: Hash;
  offset: number;
}

const MAX_RUNNING_HASHES = 10_000;

/** The part files' writer and the running hashes of the uploads under way. */
export class UploadPartWriter {
  private readonly hashes = new Map<string, RunningHash>();

  async write(row: UploadRow, part: string, offset: number, body: Readable): Promise<void> {
    let running = this.hashes.get(row.id);
    if (!running && offset === 0) running = { hash: createHash('sha256'), offset: 0 };
    if (running && running.offset !== offset) running = undefined;
    this.hashes.delete(row.id);
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        running?.hash.update(chunk);
        if (running) running.offset += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, tap, createWriteStream(part, { flags: 'a' }));
    } finally {
      // Bytes that reached the file stay, whether or not the client stayed: that is what makes resume work.
      await fsyncPath(part).catch(() => undefined);
      if (running && running.offset === (await fileSize(part))) this.keepHash(row.id, running);
    }
  }

  /** Running hashes are a cache: past a bound the oldest go, and those uploads are re-read when they complete. */
  private keepHash(uploadId: string, running: RunningHash): void {
    if (this.hashes.size >= MAX_RUNNING_HASHES) {
      const oldest = this.hashes.keys().next().value;
      if (oldest !== undefined) this.hashes.delete(oldest);
    }
    this.hashes.set(uploadId, running);
  }

  /** The SHA-256 of an upload's bytes: from its running hash if one is kept, else by re-reading the part file. */
  async digest(row: UploadRow, part: string): Promise<string> {
    const running = this.hashes.get(row.id);
    this.hashes.delete(row.id);
    return running ? running.hash.digest('hex') : hashFile(part);
  }

  /** Drops an upload's running hash (the upload is cancelled). */
  forget(uploadId: string): void {
    this.hashes.delete(uploadId);
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
