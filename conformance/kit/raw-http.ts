/**
 * Requests the protocol client would never build (garbage, missing lengths, odd methods, a body cut off by a dropped
 * connection), each on a fresh connection so one broken request leaves nothing behind for the next; and the rule
 * every error answer keeps: `{ code, message, details? }` with a catalogued code and the catalogue's status.
 */
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { ERRORS, isErrorCode, type ErrorBody } from '../spec/errors.js';
import { ErrorResponse } from '../spec/protocol/common.js';
import { matchesSchema } from '../spec/compiled-schemas.js';
import { bodyRecord, recordRequest } from '../../simulators/mbs-client/exchange-log.js';
import { tallyRequest } from '../../simulators/mbs-client/request-tally.js';
import { trimMiddle } from './trim-middle.js';

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
  const timeoutMs = call.timeoutMs ?? 10_000;
  const record = recordRequest(call.method, call.path, headers, body && bodyRecord(body));
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, method: call.method, path: call.path, headers, agent: false },
      (incoming) => {
        answered = true;
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const answer = { status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) };
          if (record)
            Object.assign(record, {
              status: answer.status,
              responseHeaders: answer.headers,
              responseBody: bodyRecord(answer.body),
            });
          resolve(answer);
        });
      },
    );
    // Counted as node:http writes it (the method upper-cased, an empty path as `/`), once it took the request.
    tallyRequest(outgoing.method, outgoing.path);
    outgoing.setTimeout(timeoutMs, () =>
      outgoing.destroy(new Error(`${call.method} ${call.path}: no answer in ${timeoutMs} ms`)),
    );
    // A server may answer and close before it has read a body it refuses; only an error before the answer counts.
    outgoing.on('error', (error) => {
      if (answered) return;
      if (record) record.error = error.message;
      reject(error);
    });
    if (body === undefined) outgoing.end();
    else if (call.chunked) {
      const half = Math.ceil(body.length / 2);
      outgoing.write(body.subarray(0, half));
      outgoing.end(body.subarray(half));
    } else outgoing.end(body);
  });
}

/**
 * Starts a request that announces `announced` body bytes and sends only `sent` of them; the caller drops it with
 * `destroy()` once the server has taken them in.
 */
export function openRequest(baseUrl: string, call: RawCall & { readonly announced: number }): ClientRequest {
  const url = new URL(call.path, baseUrl);
  const headers = { ...call.headers, 'content-length': String(call.announced) };
  const record = recordRequest(
    call.method,
    call.path,
    headers,
    call.body === undefined ? undefined : bodyRecord(Buffer.from(call.body)),
  );
  if (record) record.error = 'the check dropped the connection before the body was complete, on purpose';
  const outgoing = httpRequest(url, { method: call.method, headers, agent: false });
  tallyRequest(outgoing.method, outgoing.path);
  // The drop is on purpose: whatever the socket says afterwards is expected.
  outgoing.on('error', () => undefined);
  if (call.body !== undefined) outgoing.write(call.body);
  return outgoing;
}

/**
 * How an answer breaks the rule for errors, or undefined when it keeps it: a 4xx or 5xx must carry
 * `{ code, message, details? }` with a catalogued code, sent with the status the catalogue gives that code.
 */
export function errorBodyProblem(answer: RawAnswer): string | undefined {
  if (answer.status < 400) return undefined;
  const text = answer.body.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `status ${answer.status} with a body that is not JSON: ${JSON.stringify(trimMiddle(text, 200))}`;
  }
  // ErrorResponse is an open object (PROTOCOL.md's schemas): keys beside code, message and details are the server's.
  if (!matchesSchema(ErrorResponse, value) || !isErrorCode((value as { code?: unknown }).code)) {
    return `status ${answer.status} without a catalogued error body: ${trimMiddle(text, 300)}`;
  }
  const body = value as ErrorBody;
  if (ERRORS[body.code].status !== answer.status) {
    return `${body.code} came with status ${answer.status}; the catalogue says ${ERRORS[body.code].status}`;
  }
  return undefined;
}

export function errorCodeOf(answer: RawAnswer): string | undefined {
  try {
    const value = JSON.parse(answer.body.toString('utf8')) as { code?: unknown };
    return typeof value.code === 'string' ? value.code : undefined;
  } catch {
    return undefined;
  }
}
