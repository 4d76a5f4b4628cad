/** A minimal HTTP/1.1 transport over node:http with keep-alive, streaming bodies and a deadline per request. */
import { Agent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ClientError } from '../../conformance/spec/errors.js';

export interface RawRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: Buffer | Readable;
  readonly timeoutMs: number;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly stream: IncomingMessage;
}

export const sharedAgent = new Agent({ keepAlive: true, maxSockets: 64 });

export function send(req: RawRequest, agent: Agent = sharedAgent): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      req.url,
      { method: req.method, headers: req.headers, agent, timeout: req.timeoutMs },
      (incoming) => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, stream: incoming }),
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new ClientError('timeout', `${req.method} ${req.url.pathname} timed out.`)),
    );
    outgoing.on('error', (error) =>
      reject(
        error instanceof ClientError ? error : new ClientError('unreachable', `${req.url.origin}: ${error.message}`),
      ),
    );
    if (req.body === undefined) outgoing.end();
    else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
    else req.body.pipe(outgoing);
  });
}

export async function readAll(stream: Readable, limit = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ClientError('protocol-violation', `Response larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
