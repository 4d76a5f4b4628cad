/**
 * SHA-256 of large uploads on a thread of their own, shared by every server of the thread that starts it
 * (running-digest.ts says why). Once the part file has taken a batch of an append's chunks, the event loop hands the
 * chunks themselves to the thread: a body's chunks (each a buffer of its own, which the HTTP parser made for it) are
 * transferred, not copied, and any other chunk is copied once. Nothing is read back from the file. A transferred
 * buffer also leaves the event loop's heap at once: its bytes no longer count towards the external memory that
 * starts V8's full collections there, where before each waited for a scavenge to be freed.
 * The chunks of every upload under way go out together, in one message once they add up to FLUSH_BYTES, at the end
 * of a request's body, or before any other message: with 50 uploads each batch was a single socket read of up to
 * 64 KB, and a message per batch (29,000 for 1.9 GB) cost the event loop a write to wake the thread and the thread a
 * wake-up each, about 55,000 system calls a round of the benchmark.
 * The chunks of one upload arrive in order, before its digest is asked for. The bytes sent and not yet hashed are
 * counted in shared memory; past MAX_BEHIND_BYTES the next batch waits, so a thread that falls behind holds up the
 * uploads instead of their bytes piling up in memory.
 *
 * The thread starts with the first large upload and does not keep its process alive. Whatever goes wrong on it (it
 * fails, a batch does not follow the last, the digest asked for is not of the bytes sent) rejects that upload's
 * digest, and the upload is hashed from its file as it completes: slower, never wrong. Once MAX_FAILURES threads
 * have failed, large uploads are hashed on the event loop like small ones.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { RunningDigest } from './running-digest.js';

/** The thread's code: plain CommonJS, so it runs the same from the compiled files and from the sources under test. */
const HASHER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const behind = new Int32Array(workerData.behind);
const digests = new Map();
function take(d, from, chunks) {
  let bytes = 0;
  for (const chunk of chunks) bytes += chunk.byteLength;
  Atomics.sub(behind, 0, bytes);
  if (d.failed) return;
  if (from !== d.taken) {
    d.failed = 'bytes ' + from + '-' + (from + bytes) + ' do not follow the ' + d.taken + ' taken';
    return;
  }
  for (const chunk of chunks) d.hash.update(chunk);
  d.taken += bytes;
}
function digest(d, taken) {
  if (!d) return { failed: 'no bytes of this upload were taken here' };
  if (d.failed) return { failed: d.failed };
  if (d.taken !== taken) return { failed: d.taken + ' bytes taken here, ' + taken + ' sent' };
  return { hex: d.hash.digest('hex') };
}
parentPort.on('message', (m) => {
  if (m.op === 'held') return parentPort.postMessage({ id: m.id, held: digests.size });
  if (m.op === 'take') {
    for (const { id, from, chunks } of m.takes) {
      let d = digests.get(id);
      if (!d) digests.set(id, (d = { hash: createHash('sha256'), taken: 0, failed: undefined }));
      take(d, from, chunks);
    }
    return;
  }
  const d = digests.get(m.id);
  digests.delete(m.id);
  if (m.op === 'digest') parentPort.postMessage({ id: m.id, ...digest(d, m.taken) });
});
`;

/** Bytes sent to the thread and not yet hashed, past which the next batch waits for it. */
const MAX_BEHIND_BYTES = 32 * 1024 * 1024;
/** Chunks held for the thread, of any uploads, past which they go out in one message. */
const FLUSH_BYTES = 1024 * 1024;
/** How often a batch held up by a thread that is behind looks again. */
const BEHIND_POLL_MS = 2;

interface Reply {
  readonly id: number;
  readonly hex?: string;
  readonly failed?: string;
  readonly held?: number;
}

/** An upload's chunks that begin at its byte `from`, as the thread takes them. */
interface Take {
  readonly id: number;
  readonly from: number;
  readonly chunks: Uint8Array[];
}

interface Waiting {
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

class HashThread {
  /** Bytes sent and not yet hashed, counted down by the thread. */
  private readonly behind = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker = new Worker(HASHER_SOURCE, { eval: true, workerData: { behind: this.behind.buffer } });
  private nextId = 1;
  private failure: Error | undefined;
  private readonly digests = new Map<number, Waiting>();
  /** Chunks not yet sent, in the order taken, and the buffers that go with them. */
  private unsent: Take[] = [];
  private unsentBuffers = new Set<ArrayBuffer>();
  private unsentBytes = 0;
  /** Where the last upload's chunks held end. */
  private unsentEnd = 0;

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
   * Takes an upload's chunks, which begin at its byte `from`, to send with the next message. With `handOver` a chunk
   * that is the whole of its buffer is transferred (it is empty here once sent); any other chunk is copied. Returns a
   * promise only while the thread is more than MAX_BEHIND_BYTES behind, which resolves once it has caught up (or
   * failed).
   */
  take(id: number, from: number, chunks: readonly Buffer[], handOver: boolean): Promise<void> | undefined {
    if (this.failure) return undefined;
    // Chunks that follow the last ones held, of the same upload, join them.
    const last = this.unsent.at(-1);
    const joined = last?.id === id && this.unsentEnd === from ? last : undefined;
    const held = joined?.chunks ?? [];
    let bytes = 0;
    for (const chunk of chunks) {
      const whole = handOver && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
      const own = whole && !this.unsentBuffers.has(chunk.buffer as ArrayBuffer) ? chunk : new Uint8Array(chunk);
      held.push(own);
      this.unsentBuffers.add(own.buffer as ArrayBuffer);
      bytes += own.byteLength;
    }
    if (!joined) this.unsent.push({ id, from, chunks: held });
    this.unsentBytes += bytes;
    this.unsentEnd = from + bytes;
    Atomics.add(this.behind, 0, bytes);
    if (this.unsentBytes >= FLUSH_BYTES) this.flush();
    return Atomics.load(this.behind, 0) > MAX_BEHIND_BYTES ? this.caughtUp() : undefined;
  }

  /** Sends the chunks taken so far, of every upload, in one message. */
  flush(): void {
    if (this.unsent.length === 0 || this.failure) return;
    const takes = this.unsent;
    const transfer = [...this.unsentBuffers];
    this.forgetUnsent();
    this.worker.postMessage({ op: 'take', takes }, transfer);
  }

  private forgetUnsent(): void {
    this.unsent = [];
    this.unsentBuffers = new Set();
    this.unsentBytes = 0;
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

  /** How many uploads' digest states the thread holds, once the messages sent so far are handled. */
  async held(): Promise<number> {
    return (await this.ask({ op: 'held', id: this.newId() })).held ?? 0;
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

/** A running digest of an upload's bytes, hashed on the hashing thread; undefined when no such thread can be had. */
export function threadDigest(): RunningDigest | undefined {
  const thread = hashThread();
  if (!thread) return undefined;
  const id = thread.newId();
  let taken = 0;
  return {
    get taken() {
      return taken;
    },
    observe: () => undefined,
    written(chunks, handOver) {
      const from = taken;
      for (const chunk of chunks) taken += chunk.byteLength;
      return thread.take(id, from, chunks, handOver);
    },
    sent: () => thread.flush(),
    digest: () => thread.digest(id, taken),
    drop: () => thread.drop(id),
  };
}

/** How many uploads' digest states the shared hashing thread holds (none without one): a read-only figure for tests. */
export function hashThreadHeld(): Promise<number> {
  return shared?.held() ?? Promise.resolve(0);
}

/** Ends the shared hashing thread, as a crash would, and unless told to keep them forgets earlier failures: for tests. */
export async function stopHashThread(keepFailures = false): Promise<void> {
  await shared?.stop();
  if (!keepFailures) failures = 0;
}
