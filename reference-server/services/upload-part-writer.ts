/**
 * Appending a request's bytes to an upload's part file. The bytes that reach the file are fsynced, whether or not
 * the client stayed, and a running SHA-256 of them is kept while it matches the file and its fsync succeeded, so
 * that completing an upload rarely has to read it again on the event loop (running-digest.ts: a large upload's is
 * kept on a thread of its own, which reads back the bytes the file took). One append costs one open, one fstat, the
 * writes, one fsync and one close: the size is read from the descriptor that is written and synced, not looked up
 * again by path. The first append of an upload creates its part file exclusively, which tells its size (nothing)
 * without an fstat. The fstat and the close run on the event loop (durable-fs.ts says why); the open, the writes and
 * the fsync go to the I/O pool. On a file system kept in memory the fsync is skipped (memory-fs.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, fsync, open } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { pumpInto } from '../storage/body-pump.js';
import { DescriptorAppender } from '../storage/descriptor-appender.js';
import type { DiskQuota } from '../storage/disk-quota.js';
import { inMemoryFs } from '../storage/memory-fs.js';
import { inSyncLane } from '../storage/sync-lanes.js';
import { chunksDetachable, runningDigest, type RunningDigest } from '../storage/running-digest.js';
import type { AppendStepHook } from './append-steps.js';

const openFile = promisify(open);
const syncFile = promisify(fsync);

/** An upload's part file, open for appending while its upload is locked. */
export interface OpenPart {
  /** The file's size when it was opened: the offset the next append must start at. */
  readonly size: number;
  /** Appends `body`, fsyncs what reached the file (also when the body fails), and returns the new size. */
  append(body: Readable): Promise<number>;
  close(): Promise<void>;
}

const MAX_RUNNING_HASHES = 10_000;
/** An append of this many bytes or more lets small fsyncs go before its own (sync-lanes.ts). */
const BULK_SYNC_BYTES = 1024 * 1024;

/** The part files' writer and the running hashes of the uploads under way. */
export class UploadPartWriter {
  /** The running digests of uploads, each valid while it has taken as many bytes as the part file holds. */
  private readonly hashes = new Map<string, RunningDigest>();

  /**
   * @param quota holds the part files' writes to a quota on the data directory (disk-quota.ts)
   * @param step for the server's own tests: awaited once an append's bytes are written, before their fsync
   */
  constructor(
    private readonly quota?: DiskQuota,
    private readonly step?: AppendStepHook,
  ) {}

  /** Opens (creating it if missing) the part file of upload `uploadId`, of `uploadSize` bytes when complete. */
  async open(uploadId: string, part: string, uploadSize: number): Promise<OpenPart> {
    // An upload with a running hash has had bytes appended: its part file is there.
    const created = this.hashes.has(uploadId) ? undefined : await createPart(part);
    const fd = created ?? (await openFile(part, 'a'));
    let size = 0;
    try {
      if (created === undefined) size = fstatSync(fd).size;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    return {
      size,
      append: (body) => this.append({ uploadId, part, uploadSize }, fd, size, body),
      close: async () => closeSync(fd),
    };
  }

  private async append(
    { uploadId, part, uploadSize }: { uploadId: string; part: string; uploadSize: number },
    fd: number,
    offset: number,
    body: Readable,
  ): Promise<number> {
    let running = this.hashes.get(uploadId);
    this.hashes.delete(uploadId);
    if (running && running.taken !== offset) {
      running.drop();
      running = undefined;
    }
    if (!running && offset === 0) running = runningDigest(uploadSize, part);
    const digest = running;
    // A request's chunks are used by nothing else once written: they may be detached.
    const detachable = chunksDetachable(body);
    const out = new DescriptorAppender(
      fd,
      digest && { observe: (chunk) => digest.observe(chunk), written: (chunks) => digest.written(chunks, detachable) },
      this.quota,
    );
    let failure: { error: unknown } | undefined;
    try {
      await pumpInto(body, out);
    } catch (error) {
      failure = { error };
    }
    // A write still under way when the body failed must finish before the descriptor is synced and closed.
    await out.idle();
    running?.sent();
    if (this.step) await this.step('part-written');
    // Bytes that reached the file stay, whether or not the client stayed: that is what makes resume work. An append
    // of a megabyte or more lets small fsyncs go first (sync-lanes.ts); a small one is as quick as theirs.
    const bulk = out.bytesWritten >= BULK_SYNC_BYTES;
    const synced = inMemoryFs(part) ? Promise.resolve() : inSyncLane(() => syncFile(fd), { bulk });
    const size = offset + out.bytesWritten;
    // A digest is kept only for bytes the file took and the disk synced: after a failed fsync what the file holds
    // is not known, and the upload is hashed from its file as it completes.
    const keep = running?.taken === size ? running : undefined;
    const syncFailure = await synced.then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    if (keep && !syncFailure) this.keepHash(uploadId, keep);
    else running?.drop();
    if (failure) throw failure.error;
    if (syncFailure) throw syncFailure.error;
    return size;
  }

  /** Running hashes are a cache: past a bound the oldest go, and those uploads are re-read when they complete. */
  private keepHash(uploadId: string, running: RunningDigest): void {
    if (this.hashes.size >= MAX_RUNNING_HASHES) {
      const [oldest] = this.hashes;
      if (oldest) this.forget(oldest[0]);
    }
    this.hashes.set(uploadId, running);
  }

  /**
   * The SHA-256 of an upload's bytes: from its running hash if one is kept (and its hashing thread did not fail),
   * else by re-reading the part file.
   */
  async digest(uploadId: string, part: string): Promise<string> {
    const running = this.hashes.get(uploadId);
    this.hashes.delete(uploadId);
    return running ? running.digest().catch(() => hashFile(part)) : hashFile(part);
  }

  /** Drops an upload's running hash (the upload is cancelled). */
  forget(uploadId: string): void {
    this.hashes.get(uploadId)?.drop();
    this.hashes.delete(uploadId);
  }

  /** Drops the running hashes of the uploads `gone` says are gone (their device was removed, say). */
  forgetWhere(gone: (uploadId: string) => boolean): void {
    for (const uploadId of [...this.hashes.keys()]) if (gone(uploadId)) this.forget(uploadId);
  }
}

/**
 * A new, empty part file open for appending, or undefined when the file is already there (a resumed upload).
 * A plain descriptor: a FileHandle's stream would keep the handle from closing until the stream is destroyed.
 */
async function createPart(part: string): Promise<number | undefined> {
  try {
    return await openFile(part, 'ax');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
