/**
 * SHA-256 of large uploads on a thread of its own, shared by every server of the thread that starts it
 * (running-digest.ts says why). For each append the event loop sends one message, the part file and the range of
 * bytes the file took; the thread reads that range back (from the page cache: it was just written) and hashes it,
 * with a read buffer of its own, so nothing it has not hashed yet is held in memory, and it holds no descriptor
 * between appends, however many uploads are left unfinished. An append's range is sent only once the system has said
 * the bytes are written, and the ranges of one upload arrive in order, before its digest is asked for.
 *
 * The thread starts with the first large upload and does not keep its process alive. Whatever goes wrong on it (it
 * fails, a range does not follow the last, a read comes up short) rejects that upload's digest, and the upload is
 * hashed from its file as it completes: slower, never wrong.
 */
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
parentPort.on('message', (m) => {
  let d = digests.get(m.id);
  if (!d) digests.set(m.id, (d = { hash: createHash('sha256'), taken: 0, failed: undefined }));
  if (m.op === 'take') return take(d, m.file, m.from, m.to);
  digests.delete(m.id);
  if (m.op === 'digest') parentPort.postMessage({ id: m.id, hex: d.failed ? undefined : d.hash.digest('hex'), failed: d.failed });
});
`;

interface Reply {
  readonly id: number;
  readonly hex?: string;
  readonly failed?: string;
}

interface Waiting {
  resolve(hex: string): void;
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

  digest(id: number): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digests.set(id, { resolve, reject });
      this.worker.postMessage({ op: 'digest', id });
    });
  }

  drop(id: number): void {
    if (!this.failure) this.worker.postMessage({ op: 'drop', id });
  }

  /** Ends the thread, as a crash would. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private heard(reply: Reply): void {
    const waiting = this.digests.get(reply.id);
    this.digests.delete(reply.id);
    if (reply.hex !== undefined) waiting?.resolve(reply.hex);
    else waiting?.reject(new Error(`the hashing thread could not hash the upload: ${reply.failed ?? 'no digest'}`));
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

function hashThread(): HashThread {
  const thread: HashThread = (shared ??= new HashThread(() => {
    if (shared === thread) shared = undefined;
  }));
  return thread;
}

/** A running digest of the part file `part`, hashed on the hashing thread from the file's bytes. */
export function threadDigest(part: string): RunningDigest {
  const thread = hashThread();
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
    digest: () => thread.digest(id),
    drop: () => thread.drop(id),
  };
}

/** Ends the shared hashing thread, as a crash would: for tests. */
export async function stopHashThread(): Promise<void> {
  await shared?.stop();
}
