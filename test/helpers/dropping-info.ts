/** A proxy in front of a test server that drops the first connections asking `GET /v1/info`, as a busy machine may. */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestServer } from './test-server.js';

/** The proxy's URL; it drops the connection of the first `dropped` requests for `GET /v1/info`. */
export async function droppingInfo(
  inner: TestServer,
  dropped: number,
  closers: (() => Promise<void>)[],
): Promise<string> {
  const target = new URL(inner.server.url);
  let left = dropped;
  const proxy = createServer((incoming, reply) => {
    if (incoming.method === 'GET' && incoming.url === '/v1/info' && left > 0) {
      left -= 1;
      incoming.socket.destroy();
      return;
    }
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        reply.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(reply);
      },
    );
    outgoing.on('error', () => reply.destroy());
    incoming.pipe(outgoing);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => proxy.close(() => resolve())));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}
