/** A minimal HTTP/1.1 transport over node:http with keep-alive, streaming bodies and a deadline per request. */
import {
  Agent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { finished, type Readable } from 'node:stream';
import { ClientError } from '../../conformance/spec/errors.js';
import { bodyRecord, recordRequest, streamedBody, type ExchangeRecord } from './exchange-log.js';
import { randomnessKeyHeader } from './randomness-key.js';
import { inScope, scopeSnapshot, type ScopeSnapshot } from './scope-slot.js';
import { serverOf } from './server-address.js';
import { tallyRequest } from './request-tally.js';

export interface RawRequest {
  readonly method: string;
  /** Where the request goes: the scheme, host and port of this URL (its path is not read). */
  readonly server: URL;
  /** The request target as sent: path and query string. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer | Readable;
  readonly timeoutMs: number;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly stream: IncomingMessage;
}

/**
 * How long a kept-alive connection may stay idle before the kit closes it rather than send on it. A server may close
 * an idle connection whenever it likes (RFC 9112 §9.6), and many do after a few seconds (Node.js and Apache httpd
 * after 5 s, often without saying so); a request sent just as it closes is reset unanswered, which the kit would
 * report as an unreachable server. Node's agent keeps free sockets forever unless it has a timeout of its own (it
 * heeds a server's `Keep-Alive: timeout` hint only then), so it gets one shorter than any common server's.
 */
export const IDLE_MS = 1000;

export const sharedAgent = new Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_MS });

/** Methods a client may send again when a kept-alive connection was reset before any answer (RFC 9110 §9.2.2). */
const RESENDABLE = new Set(['GET', 'HEAD']);

/** The record of each answer's exchange, for readAll to add the body it reads. */
const answering = new WeakMap<Readable, ExchangeRecord>();
/** Why the kit stopped a request (its deadline): readAll tells that from the target's. */
const stoppedByKit = new WeakMap<ClientRequest, ClientError>();

/**
 * Sends `req`; a safe request without a body whose kept-alive connection the server had closed (reset before any
 * answer) goes once more on a new connection, as HTTP clients do: the server never saw it.
 */
export function send(req: RawRequest, agent: Agent = sharedAgent): Promise<RawResponse> {
  return sendOnce(req, agent, RESENDABLE.has(req.method) && req.body === undefined);
}

/** Sends `req` once; when `resendable`, a reset of a reused connection before any answer sends it once more. */
function sendOnce(req: RawRequest, agent: Agent, resendable: boolean): Promise<RawResponse> {
  // Looked up now, in the caller's context: a pooled socket's callbacks may run in another one.
  const record = recordRequest(req.method, req.path, req.headers, () => requestBodyOf(req));
  const server = serverOf(req.server);
  let outgoing: ClientRequest;
  try {
    outgoing = httpRequest({
      // Options rather than a URL, which node:http would take apart again on every request.
      protocol: server.protocol,
      hostname: server.hostname,
      port: server.port,
      path: req.path,
      method: req.method,
      headers: headerList(req, server.host),
      agent,
      timeout: req.timeoutMs,
    });
  } catch (error) {
    // A request node:http refuses (a bad header, a bad path) fails as the promise, as every other failure does.
    if (record) record.error = (error as Error).message;
    return Promise.reject(error as Error);
  }
  tallyRequest(outgoing.method, outgoing.path);
  const resend = resendable ? { req, agent, scope: scopeSnapshot() } : undefined;
  const answer = answerTo(outgoing, record, server.origin, resend);
  if (req.body === undefined) outgoing.end();
  else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
  else req.body.pipe(outgoing);
  return answer;
}

/** What sending a request again takes: the request, its pool, and the async context it was sent in. */
interface Resend {
  readonly req: RawRequest;
  readonly agent: Agent;
  readonly scope: ScopeSnapshot;
}

/**
 * The answer to `outgoing`, or to its `resend` when the server reset the reused connection before answering. Its
 * listeners hold only what they need: a load run has a thousand requests waiting at a time, and whatever each holds
 * is copied by every young-generation collection they outlive. The resend settles this promise, rather than a
 * handler chained on it (which held the same request): one promise less for every safe request.
 */
function answerTo(
  outgoing: ClientRequest,
  record: ExchangeRecord | undefined,
  origin: string,
  resend: Resend | undefined,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Sent again only before any answer: node:http gives a reset inside a body to the answer, and should it give one
    // to the request too, the server had seen it.
    let answered = false;
    outgoing.once('response', (incoming: IncomingMessage) => {
      answered = true;
      if (record) {
        record.status = incoming.statusCode ?? 0;
        record.responseHeaders = incoming.headers;
        answering.set(incoming, record);
      }
      resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, stream: incoming });
    });
    outgoing.on('timeout', timedOut);
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (record) record.error = error.message;
      if (error instanceof ClientError) return reject(error);
      if (resend && !answered && outgoing.reusedSocket && error.code === 'ECONNRESET') {
        // In the sender's context, as the first try went: a pooled socket's events come in another one.
        return resolve(inScope(resend.scope, () => sendOnce(resend.req, resend.agent, false)));
      }
      reject(new ClientError('unreachable', `${origin}: ${error.message}`));
    });
  });
}

/**
 * Reads an answer's body whole. Collected from its data events: an async iterator over the stream would make
 * promises for every chunk of every answer, and most answers are one chunk.
 */
export function readAll(stream: Readable, limit = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stream.destroy(new ClientError('protocol-violation', `Response larger than ${limit} bytes.`));
      else chunks.push(chunk);
    });
    // finished() also settles on a stream that closes before its end, as the iterator threw then.
    finished(stream, (error) => {
      if (error) return reject(cutShort(stream, error));
      const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const record = answering.get(stream);
      if (record) record.responseBody = bodyRecord(all);
      resolve(all);
    });
  });
}

/**
 * Why an answer's body stopped before its end: the kit's own reason when the kit stopped it (its deadline, a size
 * limit), else the target's doing: it closed the connection before the body its headers announced was whole.
 */
function cutShort(stream: Readable, error: Error): ClientError {
  if (error instanceof ClientError) return error;
  // An answer knows its request (IncomingMessage.req): no table of its own needed for every answer.
  const request = (stream as { req?: ClientRequest }).req;
  const ours = request && stoppedByKit.get(request);
  if (ours) return ours;
  return new ClientError('protocol-violation', `The answer ended before its whole body came (${error.message}).`);
}

/** Methods node:http sends without a length or chunked framing unless told (its useChunkedEncodingByDefault). */
const UNFRAMED = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

/**
 * The request's headers as a flat list, which node:http writes as given instead of storing and checking each one
 * again (it still validates every name and value). It then adds no Host and no Content-Length of its own, so
 * both are added here as it would: the same bytes on the wire, less work per request.
 */
function headerList(req: RawRequest, host: string): string[] {
  const list: string[] = [];
  for (const name in req.headers) list.push(name, req.headers[name]!);
  // The randomness key goes on the wire but not into the record: it is the kit's bookkeeping, not evidence.
  const key = randomnessKeyHeader();
  if (key) list.push(key[0], key[1]);
  if (!hasHeader(req.headers, 'host')) list.push('Host', host);
  const framed = !UNFRAMED.has(req.method) && !hasHeader(req.headers, 'content-length');
  if (framed && req.body === undefined) list.push('Content-Length', '0');
  else if (framed && Buffer.isBuffer(req.body)) list.push('Content-Length', String(req.body.length));
  return list;
}

/**
 * A request's deadline passed (node:http's socket timeout): it fails as the kit's `timeout`. A listener of its own
 * rather than a closure per request, since every request in flight would hold one; node:http calls it on the request.
 */
function timedOut(this: ClientRequest): void {
  const error = new ClientError('timeout', `${this.method} ${this.path.split('?')[0]} timed out.`);
  stoppedByKit.set(this, error);
  this.destroy(error);
}

function hasHeader(headers: Record<string, string>, lowerCaseName: string): boolean {
  for (const name in headers) if (name.toLowerCase() === lowerCaseName) return true;
  return false;
}

function requestBodyOf(req: RawRequest) {
  if (req.body === undefined) return undefined;
  if (Buffer.isBuffer(req.body)) return bodyRecord(req.body);
  return streamedBody(Number(req.headers['content-length'] ?? -1));
}
