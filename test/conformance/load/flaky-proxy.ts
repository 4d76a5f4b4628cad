/**
 * A faulty server for the load tests: the reference server behind a real HTTP proxy on 127.0.0.1 that fails some
 * requests on purpose, by a counter (no randomness): every `errorEvery`-th request is answered
 * `500 internal-error` (the catalogue's), every `dropEvery`-th has its connection cut without an answer. Every
 * other request reaches the reference server unchanged, so what the phones see is a server that errors sometimes.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  readonly url: string;
  /** Drops a phone met, and those of a GET or HEAD on a kept-alive connection, which the client sent again. */
  readonly failed: { readonly errors: number; readonly drops: number; readonly resent: number };
  close(): Promise<void>;
}

export async function flakyProxy(target: string, errorEvery: number, dropEvery: number): Promise<FlakyProxy> {
  const upstream = new URL(target);
  const failed = { errors: 0, drops: 0, resent: 0 };
  let seen = 0;
  const used = new WeakSet<object>();
  const server: Server = createServer((incoming, outgoing) => {
    seen++;
    const reused = used.has(incoming.socket);
    used.add(incoming.socket);
    if (seen % dropEvery === 0) {
      // A GET or HEAD dropped on a kept-alive connection is sent again by the client, as HTTP clients do: the phone
      // never meets that drop. Every other drop reaches it.
      if (reused && (incoming.method === 'GET' || incoming.method === 'HEAD')) failed.resent++;
      else failed.drops++;
      incoming.socket.destroy();
      return;
    }
    if (seen % errorEvery === 0) {
      failed.errors++;
      incoming.resume();
      outgoing.writeHead(500, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ code: 'internal-error', message: 'Injected by the flaky proxy.' }));
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
