/**
 * The HTTP exchanges made inside one scope, such as one conformance cell, kept as they crossed the wire. The scope
 * travels with the async context (AsyncLocalStorage), so every request a client sends inside it is recorded without
 * any caller passing a log around, and a request sent outside any scope records nothing. Only the last few are kept:
 * what showed a violation is the end of an attempt, and a long property run must not hold every body it sent.
 */
import { ScopeSlot } from './scope-slot.js';
import type { IncomingHttpHeaders } from 'node:http';

/** A body as sent or received: its first bytes (enough to show it) and its full size. */
export interface BodyRecord {
  readonly head: Buffer;
  readonly size: number;
  /** Set when the body was a stream: its bytes went by unseen. */
  readonly streamed?: boolean;
}

/** One request and, once it comes, its answer; filled in as the exchange goes on. */
export interface ExchangeRecord {
  readonly method: string;
  /** Path and query, as sent. */
  readonly target: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: BodyRecord;
  status?: number;
  responseHeaders?: IncomingHttpHeaders;
  responseBody?: BodyRecord;
  /** Why no answer came: a refused connection, a timeout. */
  error?: string;
}

/** How many bytes of a body are kept: a JSON body whole (to mask its secrets by key), a large one in part. */
const KEPT_BYTES = 64 * 1024;

export function bodyRecord(bytes: Uint8Array): BodyRecord {
  // A copy, so that a kept head never pins a large buffer it was cut from.
  const head = Buffer.from(bytes.subarray(0, KEPT_BYTES));
  return { head, size: bytes.length };
}

export function streamedBody(size: number): BodyRecord {
  return { head: Buffer.alloc(0), size, streamed: true };
}

/** The exchanges of one attempt: the most recent ones, and how many earlier ones were let go. */
export interface Attempt {
  readonly records: readonly ExchangeRecord[];
  readonly earlier: number;
}

export class ExchangeLog {
  private recent: ExchangeRecord[] = [];
  private dropped = 0;
  private kept: Attempt | undefined;

  constructor(readonly limit = 20) {}

  add(record: ExchangeRecord): void {
    this.recent.push(record);
    if (this.recent.length > this.limit) {
      this.recent.shift();
      this.dropped += 1;
    }
  }

  /** A new attempt (a generated case) begins: what came before is not its evidence. */
  startAttempt(): void {
    this.recent = [];
    this.dropped = 0;
  }

  /** The attempt that just ended failed: keep it, since later attempts (fast-check's shrinks) may pass. */
  keepAttempt(): void {
    this.kept = { records: [...this.recent], earlier: this.dropped };
  }

  /** The last failing attempt that was kept, else the exchanges since the last attempt began. */
  failing(): Attempt {
    return this.kept ?? { records: [...this.recent], earlier: this.dropped };
  }
}

const scope = new ScopeSlot<ExchangeLog | undefined>();

/** Runs `body` with every exchange made inside it recorded on `log`. */
export function recordingExchanges<T>(log: ExchangeLog, body: () => T): T {
  return scope.run(log, body);
}

/** Runs `body` unrecorded: clean-up after a check is not evidence, and must not push the evidence out. */
export function unrecorded<T>(body: () => T): T {
  return scope.run(undefined, body);
}

/** The log of the current scope, if any; read when a failure is caught, before the scope ends. */
export function currentExchangeLog(): ExchangeLog | undefined {
  return scope.get();
}

/**
 * Starts a record of a request in the current scope; undefined outside any scope (nothing is recorded). The body's
 * record may be given as a function, called only inside a scope: outside one no body is copied for nothing.
 */
export function recordRequest(
  method: string,
  target: string,
  headers: Readonly<Record<string, string>>,
  body?: BodyRecord | (() => BodyRecord | undefined),
): ExchangeRecord | undefined {
  const log = scope.get();
  if (!log) return undefined;
  const requestBody = typeof body === 'function' ? body() : body;
  const record: ExchangeRecord = {
    method,
    target,
    requestHeaders: { ...headers },
    ...(requestBody ? { requestBody } : {}),
  };
  log.add(record);
  return record;
}
