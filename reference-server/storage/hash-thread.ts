/**
 * SHA-256 of large uploads on a thread of its own, shared by every server of the thread that starts it
 * (running-digest.ts says why). For each append the event loop sends one message, the part file and the range of
 * bytes the file took; the thread reads that range back (from the page cache: it was just written) and hashes it,
 * with a read buffer of its own, so nothing it has not hashed yet is held in memory, and it holds no descriptor
 * between appends, however many uploads are left unfinished. An append's range is sent only once the system has said
 * the bytes are written, and the ranges of one upload arrive in order, before its digest is asked for.
 *
 * The thread starts with the first large upload and does not keep its process alive. Whatever goes wrong on it (it
 * fails, a range does not follow the last, a read comes up short, the digest asked for is not of the bytes sent)
 * rejects that upload's digest, and the upload is hashed from its file as it completes: slower, never wrong. Once
 * MAX_FAILURES threads have failed, large uploads are hashed on the event loop like small ones.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { RunningDigest } from './running-digest.js';

/** The thread's code: plain CommonJS, so it runs the same from the compiled files and from the sources under test. */
const HASHER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(1024 * 1024);
const digests = new Map();
function take(d, file, from, to) {
  if (d.failed) return;
  let fd;
  try {
    if (from !== d.taken) throw new Error('bytes ' + from + '-' + to + ' do not follow the ' + d.taken + ' taken');
    fd = openSync(file, 'r');
    for (let at = from; at < to; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, to - at), at);
      if (read === 0) throw new Error('the file ends at ' + at + ', before ' + to);
      d.hash.update(buffer.subarray(0, read));
      at += read;
    }
    d.taken = to;
  } catch (error) {
    d.failed = String((error && error.message) || error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
function digest(d, taken) {
  if (!d) return { failed: 'no bytes of this upload were taken here' };
  if (d.failed) return { failed: d.failed };
  if (d.taken !== taken) return { failed: d.taken + ' bytes taken here, ' + taken + ' sent' };
  return { hex: d.hash.digest('hex') };
}
parentPort.on('message', (m) => {
  if (m.op === 'held') return parentPort.postMessage({ id: m.id, held: digests.size });
  let d = digests.get(m.id);
  if (m.op === 'take') {
    if (!d) digests.set(m.id, (d = { hash: createHash('sha256'), taken: 0, failed: undefined }));
    return take(d, m.file, m.from, m.to);
  }
  digests.delete(m.id);
  if (m.op === 'digest') parentPort.postMessage({ id: m.id, ...digest(d, m.taken) });
});
`;

interface Reply {
  readonly id: number;
  readonly hex?: string;
  readonly failed?: string;
  readonly held?: number;
}

interface Waiting {
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

class HashThread {
  private readonly worker = new Worker(HASHER_SOURCE, { eval: true });
  private nextId = 1;
  private failure: Error | undefined;
  private readonly digests = new Map<number, Waiting>();

  constructor(private readonly onFailure: () => void) {
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.heard(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the hashing thread exited (code ${code})`)));
  }

  newId(): number {
    return this.nextId++;
  }

  take(id: number, file: string, from: number, to: number): void {
    if (!this.failure) this.worker.postMessage({ op: 'take', id, file, from, to });
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
    return new Promise((resolve, reject) => {
      this.digests.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  drop(id: number): void {
    if (!this.failure) this.worker.postMessage({ op: 'drop', id });
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
 * A running digest of the part file `part`, hashed on the hashing thread from the file's bytes; undefined when no
 * hashing thread can be had.
 */
export function threadDigest(part: string): RunningDigest | undefined {
  const thread = hashThread();
  if (!thread) return undefined;
  const id = thread.newId();
  let taken = 0;
  return {
    get taken() {
      return taken;
    },
    observe: () => undefined,
    appended(from, to) {
      if (to > from) thread.take(id, part, from, to);
      taken = to;
    },
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
