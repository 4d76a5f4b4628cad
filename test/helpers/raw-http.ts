/**
 * Requests the MbsClient would never build (garbage bodies, missing or chunked lengths, odd methods), sent over a
 * fresh connection each so that one broken request cannot leave bytes behind for the next; and the check that an
 * error answer is what protocol v1 says every error is.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import Value from 'typebox/value';
import { ERRORS, isErrorCode, type ErrorBody } from '../../conformance/spec/errors.js';
import { ErrorResponse } from '../../conformance/spec/protocol/common.js';

export interface RawCall {
  readonly method: string;
  /** Path and query, sent as written. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Send the body with `transfer-encoding: chunked` and no content-length. */
  readonly chunked?: boolean;
  readonly timeoutMs?: number;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export function rawRequest(baseUrl: string, call: RawCall): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = call.body === undefined ? undefined : Buffer.from(call.body);
  const headers: Record<string, string> = { ...call.headers };
  if (body && !call.chunked && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(body.length);
  }
  if (call.chunked) headers['transfer-encoding'] = 'chunked';
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, method: call.method, path: call.path, headers, agent: false },
      (incoming) => {
        answered = true;
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    outgoing.setTimeout(call.timeoutMs ?? 10_000, () =>
      outgoing.destroy(new Error(`${call.method} ${call.path}: no answer in ${call.timeoutMs ?? 10_000} ms`)),
    );
    // A server may answer and close before it has read a body it refuses; only an error before the answer counts.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body === undefined) outgoing.end();
    else if (call.chunked) {
      const half = Math.ceil(body.length / 2);
      outgoing.write(body.subarray(0, half));
      outgoing.end(body.subarray(half));
    } else outgoing.end(body);
  });
}

/** A JSON body with its content type. */
export function jsonBody(value: unknown): Pick<RawCall, 'headers' | 'body'> {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/**
 * The answer's error body, or an Error saying how it breaks the protocol: it must be `{ code, message, details? }`
 * with a catalogued code, sent with the status the catalogue gives that code.
 */
export function errorOf(answer: RawAnswer): ErrorBody {
  const text = answer.body.toString('utf8');
  if (answer.status < 400) throw new Error(`expected an error, got ${answer.status}: ${text.slice(0, 300)}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`status ${answer.status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  const extra = keys.filter((key) => !['code', 'message', 'details'].includes(key));
  if (!Value.Check(ErrorResponse, value) || !isErrorCode((value as { code?: unknown }).code) || extra.length > 0) {
    throw new Error(`status ${answer.status} without a catalogued error body: ${text.slice(0, 300)}`);
  }
  const body = value as ErrorBody;
  if (ERRORS[body.code].status !== answer.status) {
    throw new Error(`${body.code} came with status ${answer.status}; the catalogue says ${ERRORS[body.code].status}`);
  }
  return body;
}
