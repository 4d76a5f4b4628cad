/**
 * A body cut mid-way, read only after its connection closed (a handler still waiting for the upload's lock): the
 * bytes that reached the server are handed on, then the failure. The raw request, read as late, has dropped them.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { arrivedBody } from '../../../reference-server/http/arrived-body.js';

interface Read {
  bytes: number;
  failed: boolean;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Reads `body` to its end or its failure, counting the bytes it gave. */
async function readAll(body: Readable): Promise<Read> {
  let bytes = 0;
  try {
    for await (const chunk of body) bytes += (chunk as Buffer).length;
    return { bytes, failed: false };
  } catch {
    return { bytes, failed: true };
  }
}

/**
 * Sends `sent` bytes of a body announced as `announced`, then closes the connection. The server wraps the request
 * with `wrap` at once, as the body parser does, and reads it only once the request has closed.
 */
async function cutThenRead(wrap: (request: IncomingMessage) => Readable, sent: number, announced: number) {
  const read = new Promise<Read>((resolve) => {
    server = createServer((request) => {
      const body = wrap(request);
      request.once('close', () => void readAll(body).then(resolve));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server!.address() as AddressInfo;
  const client = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'PATCH',
    path: '/v1/uploads/u',
    headers: { 'content-length': String(announced) },
  });
  client.on('error', () => undefined);
  client.write(Buffer.alloc(sent, 7), () => setTimeout(() => client.destroy(), 20));
  return read;
}

describe('arrivedBody', () => {
  it('keeps the bytes that arrived before the request was cut, then fails', async () => {
    expect(await cutThenRead((request) => arrivedBody(request), 3000, 10_000)).toEqual({ bytes: 3000, failed: true });
  });

  it('hands on a whole body, the request paused while a limit of bytes waits for the reader', async () => {
    const read = new Promise<Read>((resolve) => {
      server = createServer((request, response) => {
        const body = arrivedBody(request, 1024);
        request.once('pause', () => void readAll(body).then((result) => (resolve(result), response.end())));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server!.address() as AddressInfo;
    const client = httpRequest({ host: '127.0.0.1', port, method: 'PATCH', path: '/', agent: false });
    client.on('response', (response) => response.resume());
    client.end(Buffer.alloc(200_000, 1));
    expect(await read).toEqual({ bytes: 200_000, failed: false });
  });

  it('is needed: the raw request read as late has dropped what arrived', async () => {
    const raw = await cutThenRead((request) => request, 3000, 10_000);
    expect(raw.bytes).toBeLessThan(3000);
  });
});
