/**
 * SHA-256 of large uploads on a thread of their own, shared by every server of the thread that starts it
 * (running-digest.ts says why). Once the part file has taken a batch of an append's chunks, the event loop tells the
 * thread which bytes of which file they were; the thread reads them back from the page cache (they were just written)
 * into one buffer of its own, used again for every read, and hashes them. No chunk crosses threads: handing the
 * chunks themselves over (transferred) gave the thread 24-26 full collections a round of the benchmark, one for each
 * few tens of megabytes of buffers it was given. The digest is of the bytes the file holds, which is what is stored.
 * A body's chunks, which nothing reads once written, are detached on the event loop instead (sent to a port nobody
 * listens on): their memory goes at once, as when they were handed to the thread, instead of counting towards the
 * external memory that starts V8's full collections until a scavenge frees them.
 * The ranges of every upload under way go out together, in one message once they add up to FLUSH_BYTES, at the end
 * of a request's body, or before any other message: one message per socket read cost the event loop a write to wake
 * the thread and the thread a wake-up each. The thread opens an upload's part file at the first range of an append
 * and closes it once the append's body has ended, so it holds no descriptor between appends and one for each append
 * under way (should it run out of descriptors, that upload is hashed from its file as it completes).
 * The ranges of one upload arrive in order, each after the system said its bytes were written, and before the
 * upload's digest is asked for. The bytes sent and not yet hashed are counted in shared memory; past
 * MAX_BEHIND_BYTES the next batch waits, so a thread that falls behind holds up the uploads.
 *
 * The thread starts with the first large upload and does not keep its process alive. Whatever goes wrong on it (it
 * fails, a range does not follow the last, a read comes up short, the digest asked for is not of the bytes sent)
 * rejects that upload's digest, and the upload is hashed from its file as it completes: slower, never wrong. Once
 * MAX_FAILURES threads have failed, large uploads are hashed on the event loop like small ones.
 */
import { once } from 'node:events';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { RunningDigest } from './running-digest.js';

/** The thread's code: plain CommonJS, so it runs the same from the compiled files and from the sources under test. */
const HASHER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
const behind = new Int32Array(workerData.behind);
const buffer = Buffer.allocUnsafe(1024 * 1024);
const digests = new Map();
function take(d, { file, from, to }) {
  try {
    if (d.failed) return;
    if (from !== d.taken) throw new Error('bytes ' + from + '-' + to + ' do not follow the ' + d.taken + ' taken');
    if (d.fd === undefined) d.fd = openSync(file, 'r');
    for (let at = from; at < to; ) {
      const read = readSync(d.fd, buffer, 0, Math.min(buffer.length, to - at), at);
      if (read === 0) throw new Error('the file ends at ' + at + ', before ' + to);
      d.hash.update(buffer.subarray(0, read));
      at += read;
    }
    d.taken = to;
  } catch (error) {
    d.failed = String((error && error.message) || error);
  } finally {
    Atomics.sub(behind, 0, to - from);
  }
}
function closeFile(d) {
  if (d && d.fd !== undefined) closeSync(d.fd);
  if (d) d.fd = undefined;
}
function digest(d, taken) {
  if (!d) return { failed: 'no bytes of this upload were taken here' };
  if (d.failed) return { failed: d.failed };
  if (d.taken !== taken) return { failed: d.taken + ' bytes taken here, ' + taken + ' sent' };
  return { hex: d.hash.digest('hex') };
}
parentPort.on('message', (m) => {
  if (m.op === 'held') {
    let open = 0;
    for (const d of digests.values()) if (d.fd !== undefined) open += 1;
    return parentPort.postMessage({ id: m.id, held: digests.size, open });
  }
  if (m.op === 'take') {
    for (const range of m.ranges) {
      let d = digests.get(range.id);
      if (!d) digests.set(range.id, (d = { hash: createHash('sha256'), taken: 0, failed: undefined, fd: undefined }));
      if (range.to > range.from) take(d, range);
      if (range.closes) closeFile(d);
    }
    return;
  }
  const d = digests.get(m.id);
  digests.delete(m.id);
  closeFile(d);
  if (m.op === 'digest') parentPort.postMessage({ id: m.id, ...digest(d, m.taken) });
});
`;

/** Bytes sent to the thread and not yet hashed, past which the next batch waits for it. */
const MAX_BEHIND_BYTES = 32 * 1024 * 1024;
/** Bytes of the ranges held for the thread, of any uploads, past which they go out in one message. */
const FLUSH_BYTES = 1024 * 1024;
/** How often a batch held up by a thread that is behind looks again. */
const BEHIND_POLL_MS = 2;

interface Reply {
  readonly id: number;
  readonly hex?: string;
  readonly failed?: string;
  readonly held?: number;
  readonly open?: number;
}

/** Bytes `from` to `to` of an upload's part file, as the thread takes them; with `closes` it then closes the file. */
interface Range {
  readonly id: number;
  readonly file: string;
  readonly from: number;
  to: number;
  closes?: boolean;
}

/** What the thread holds, once it handled every message sent before the question. */
export interface HashThreadState {
  /** Uploads whose digest state it holds. */
  readonly states: number;
  /** Part files it holds open. */
  readonly files: number;
  /** Bytes it counts as sent and not yet hashed: back to 0 whatever became of the ranges. */
  readonly behind: number;
}

interface Waiting {
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

/**
 * Where a body's chunks go once written: nobody listens on the other side, so a chunk sent here (transferred) is
 * detached and its memory freed at once.
 */
const discarded = (() => {
  const { port1, port2 } = new MessageChannel();
  port2.close();
  return port1;
})();

class HashThread {
  /** Bytes sent and not yet hashed, counted down by the thread. */
  private readonly behind = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker = new Worker(HASHER_SOURCE, { eval: true, workerData: { behind: this.behind.buffer } });
  private nextId = 1;
  private failure: Error | undefined;
  private readonly digests = new Map<number, Waiting>();
  /** Ranges not yet sent, in the order taken. */
  private unsent: Range[] = [];
  private unsentBytes = 0;
  /** Chunks written and no longer used, to detach with the next message. */
  private spent = new Set<ArrayBuffer>();

  constructor(private readonly onFailure: () => void) {
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.heard(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the hashing thread exited (code ${code})`)));
  }

  newId(): number {
    return this.nextId++;
  }

  /**
   * Takes bytes `from` to `from + bytes` of upload `id`'s part file `file`, which it has just written, to send with
   * the next message. Returns a promise only while the thread is more than MAX_BEHIND_BYTES behind, which resolves
   * once it has caught up (or failed).
   */
  take(id: number, file: string, from: number, bytes: number): Promise<void> | undefined {
    if (this.failure) return undefined;
    // A range that follows the last one held, of the same upload, joins it.
    const last = this.unsent.at(-1);
    if (last?.id === id && last.to === from && !last.closes) last.to = from + bytes;
    else this.unsent.push({ id, file, from, to: from + bytes });
    this.unsentBytes += bytes;
    Atomics.add(this.behind, 0, bytes);
    if (this.unsentBytes >= FLUSH_BYTES) this.flush();
    return Atomics.load(this.behind, 0) > MAX_BEHIND_BYTES ? this.caughtUp() : undefined;
  }

  /** Chunks the file took that nothing reads again: they are detached with the next message. */
  spend(chunks: readonly Buffer[]): void {
    if (this.failure) return;
    for (const chunk of chunks) {
      const buffer = chunk.buffer as ArrayBuffer;
      // An empty chunk may be of a buffer already detached, which a transfer list may refuse (a DataCloneError).
      if (chunk.byteLength > 0 && chunk.byteOffset === 0 && chunk.byteLength === buffer.byteLength) {
        this.spent.add(buffer);
      }
    }
  }

  /** The body of an append to upload `id` has ended: the thread closes its part file once it has read its ranges. */
  bodyEnded(id: number, file: string, at: number): void {
    if (this.failure) return;
    const last = this.unsent.at(-1);
    if (last?.id === id && last.to === at) last.closes = true;
    else this.unsent.push({ id, file, from: at, to: at, closes: true });
    this.flush();
  }

  /** Sends the ranges taken so far, of every upload, in one message, and detaches the chunks spent. */
  flush(): void {
    if (this.spent.size > 0) {
      discarded.postMessage(undefined, [...this.spent]);
      this.spent = new Set();
    }
    if (this.unsent.length === 0 || this.failure) return;
    const ranges = this.unsent;
    this.forgetUnsent();
    this.worker.postMessage({ op: 'take', ranges });
  }

  private forgetUnsent(): void {
    this.unsent = [];
    this.unsentBytes = 0;
    this.spent = new Set();
  }

  private async caughtUp(): Promise<void> {
    while (!this.failure && Atomics.load(this.behind, 0) > MAX_BEHIND_BYTES) {
      await new Promise((resolve) => setTimeout(resolve, BEHIND_POLL_MS));
    }
  }

  /** The digest of `id`, which must have taken `taken` bytes: anything else rejects. */
  async digest(id: number, taken: number): Promise<string> {
    const reply = await this.ask({ op: 'digest', id, taken });
    if (reply.hex !== undefined) return reply.hex;
    throw new Error(`the hashing thread could not hash the upload: ${reply.failed ?? 'no digest'}`);
  }

  /** What the thread holds once it handled what was sent. */
  async state(): Promise<HashThreadState> {
    const reply = await this.ask({ op: 'held', id: this.newId() });
    return { states: reply.held ?? 0, files: reply.open ?? 0, behind: Atomics.load(this.behind, 0) };
  }

  private ask(message: { op: 'digest' | 'held'; id: number; taken?: number }): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    this.flush();
    return new Promise((resolve, reject) => {
      this.digests.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  drop(id: number): void {
    if (this.failure) return;
    this.flush();
    this.worker.postMessage({ op: 'drop', id });
  }

  /** Ends the thread, as a crash would; resolves once its failure is handled. */
  async stop(): Promise<void> {
    await Promise.all([once(this.worker, 'exit'), this.worker.terminate()]);
  }

  private heard(reply: Reply): void {
    const waiting = this.digests.get(reply.id);
    this.digests.delete(reply.id);
    waiting?.resolve(reply);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.forgetUnsent();
    this.onFailure();
    for (const waiting of this.digests.values()) waiting.reject(error);
    this.digests.clear();
  }
}

let shared: HashThread | undefined;
/** Threads that failed so far; past MAX_FAILURES none is started again, and large uploads are hashed in place. */
let failures = 0;
const MAX_FAILURES = 3;

function hashThread(): HashThread | undefined {
  if (shared || failures >= MAX_FAILURES) return shared;
  try {
    const thread: HashThread = new HashThread(() => {
      failures += 1;
      if (shared === thread) shared = undefined;
    });
    shared = thread;
  } catch {
    failures += 1;
  }
  return shared;
}

/**
 * A running digest of the bytes of the part file `file`, which the thread reads back as they are written; undefined
 * when no hashing thread can be had.
 */
export function threadDigest(file: string): RunningDigest | undefined {
  const thread = hashThread();
  if (!thread) return undefined;
  const id = thread.newId();
  let taken = 0;
  return {
    get taken() {
      return taken;
    },
    observe: () => undefined,
    written(chunks, detachable) {
      const from = taken;
      for (const chunk of chunks) taken += chunk.byteLength;
      if (detachable) thread.spend(chunks);
      return thread.take(id, file, from, taken - from);
    },
    sent: () => thread.bodyEnded(id, file, taken),
    digest: () => thread.digest(id, taken),
    drop: () => thread.drop(id),
  };
}

/** What the shared hashing thread holds, as HashThreadState says (all 0 without one): a read-only figure for tests. */
export async function hashThreadState(): Promise<HashThreadState> {
  return (await shared?.state()) ?? { states: 0, files: 0, behind: 0 };
}

/** Ends the shared hashing thread, as a crash would, and unless told to keep them forgets earlier failures: for tests. */
export async function stopHashThread(keepFailures = false): Promise<void> {
  await shared?.stop();
  if (!keepFailures) failures = 0;
}
