import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, send, type RawRequest } from '../../../simulators/mbs-client/http-transport.js';

/** A server that answers every request with 204 and keeps the bytes it got, one string per connection. */
let server: Server;
const received: string[] = [];
beforeAll(async () => {
  server = createServer((socket) => {
    let got = '';
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString('latin1');
      const end = got.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(got.slice(0, end))?.[1];
      const chunked = /\r\ntransfer-encoding: *chunked/i.test(got.slice(0, end));
      const complete = chunked ? got.endsWith('0\r\n\r\n') : got.length >= end + 4 + Number(length ?? 0);
      if (!complete) return;
      received.push(got);
      got = '';
      socket.write('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
      socket.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(() => server.close());

const url = () => new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

/** What node:http sends for the same request given its headers as an object, as the transport once did. */
async function byObjectHeaders(req: RawRequest): Promise<string> {
  const outgoing = request({
    hostname: req.server.hostname,
    port: req.server.port,
    path: req.path,
    method: req.method,
    headers: req.headers,
    agent: new Agent({ keepAlive: true }),
  });
  if (req.body === undefined) outgoing.end();
  else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
  else req.body.pipe(outgoing);
  const [answer] = (await once(outgoing, 'response')) as [Readable];
  answer.resume();
  return received.at(-1)!;
}

async function bySend(req: RawRequest): Promise<string> {
  const answer = await send(req, new Agent({ keepAlive: true }));
  await readAll(answer.stream);
  return received.at(-1)!;
}

/** The request line, the headers as a set (their order may differ) and the body. */
function parts(raw: string) {
  const end = raw.indexOf('\r\n\r\n');
  const [line, ...headers] = raw.slice(0, end).split('\r\n');
  return { line, headers: headers.map((h) => h.toLowerCase()).sort(), body: raw.slice(end + 4) };
}

describe('http transport', () => {
  const cases: [string, () => RawRequest][] = [
    [
      'a GET',
      () => ({ method: 'GET', server: url(), path: '/v1/items?limit=5', headers: { a: '1' }, timeoutMs: 5000 }),
    ],
    [
      'a POST with a body',
      () => ({
        method: 'POST',
        server: url(),
        path: '/v1/backups',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"x":1}'),
        timeoutMs: 5000,
      }),
    ],
    [
      'a POST without one',
      () => ({ method: 'POST', server: url(), path: '/v1/backups', headers: {}, timeoutMs: 5000 }),
    ],
    ['a DELETE', () => ({ method: 'DELETE', server: url(), path: '/v1/uploads/u1', headers: {}, timeoutMs: 5000 })],
    [
      'a PATCH of a length it gives',
      () => ({
        method: 'PATCH',
        server: url(),
        path: '/v1/uploads/u1',
        headers: { 'Content-Length': '3' },
        body: Buffer.from('abc'),
        timeoutMs: 5000,
      }),
    ],
    [
      'a streamed PATCH',
      () => ({
        method: 'PATCH',
        server: url(),
        path: '/v1/uploads/u1',
        headers: { 'content-length': '4' },
        body: Readable.from([Buffer.from('ab'), Buffer.from('cd')]),
        timeoutMs: 5000,
      }),
    ],
    [
      'a streamed PATCH of no length',
      () => ({
        method: 'PATCH',
        server: url(),
        path: '/v1/uploads/u1',
        headers: {},
        body: Readable.from([Buffer.from('ab')]),
        timeoutMs: 5000,
      }),
    ],
  ];
  it.each(cases)('sends %s as node:http sends it given its headers as an object', async (_, make) => {
    expect(parts(await bySend(make()))).toEqual(parts(await byObjectHeaders(make())));
  });

  it('names the server with its port in Host, and keeps a Host it is given', async () => {
    const port = (server.address() as AddressInfo).port;
    expect(parts(await bySend(cases[0]![1]())).headers).toContain(`host: 127.0.0.1:${port}`);
    const own = { ...cases[0]![1](), headers: { host: 'example.test' } };
    expect(parts(await bySend(own)).headers.filter((h) => h.startsWith('host:'))).toEqual(['host: example.test']);
  });
});

describe('http transport failures', () => {
  it('fails a request node:http refuses as its promise, not by throwing', async () => {
    const bad = { method: 'GET', server: url(), path: '/v1/info', headers: { a: 'x\ny' }, timeoutMs: 5000 };
    let answer: Promise<unknown> | undefined;
    expect(() => (answer = send(bad))).not.toThrow();
    await expect(answer).rejects.toMatchObject({ code: 'ERR_INVALID_CHAR' });
  });

  it('fails a request past its deadline as a timeout naming its method and path', async () => {
    const silent = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    try {
      const server = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
      const slow = { method: 'GET', server, path: '/v1/items?limit=5', headers: {}, timeoutMs: 50 };
      await expect(send(slow, new Agent({ keepAlive: true }))).rejects.toMatchObject({
        code: 'timeout',
        message: 'GET /v1/items timed out.',
      });
    } finally {
      silent.close();
    }
  });

  it('fails a request to a server that is not there as unreachable, naming its origin', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const server = new URL(`http://127.0.0.1:${(closed.address() as AddressInfo).port}`);
    closed.close();
    await once(closed, 'close');
    await expect(send({ method: 'GET', server, path: '/v1/info', headers: {}, timeoutMs: 5000 })).rejects.toMatchObject(
      { code: 'unreachable', message: expect.stringMatching(`^${server.origin}: `) as unknown },
    );
  });
});
