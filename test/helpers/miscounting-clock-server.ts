/**
 * A server whose conformance clock moves wrongly, as a vendor's might: a proxy on 127.0.0.1 in front of a real
 * reference server (started with the clock on) that passes every request through, except that the offset a client
 * sets reaches the server transformed, and the answers still show the offset the client asked for.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from './test-server.js';

const CLOCK = '/v1/console/conformance/clock';

export interface MiscountingServer {
  readonly url: string;
  readonly inner: TestServer;
  close(): Promise<void>;
}

const read = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** `applied(asked)` is the offset the server really gets when a client asks for `asked`. */
export async function miscountingClockServer(applied: (asked: number) => number): Promise<MiscountingServer> {
  const inner = await startTestServer('pro', { conformanceClock: true });
  let asked = 0;
  const put = (offsetMs: number) => inner.console.call('setConformanceClock', { body: { offsetMs } });
  await put(applied(0));
  const proxy = createServer((request, reply) => {
    void (async () => {
      const body = await read(request);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
      ) as Record<string, string>;
      let sent = body;
      const onClock = request.url === CLOCK && request.headers['x-mbs-console-key'] === inner.server.consoleKey;
      if (onClock && request.method === 'PUT') {
        const wanted = (JSON.parse(body.toString('utf8')) as { offsetMs: number }).offsetMs;
        sent = Buffer.from(JSON.stringify({ offsetMs: applied(wanted) }));
        asked = wanted;
      }
      const answer = await fetch(`${inner.server.url}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        ...(sent.length > 0 ? { body: sent } : {}),
      });
      let text = await answer.text();
      if (onClock && answer.ok) text = JSON.stringify({ ...(JSON.parse(text) as object), offsetMs: asked });
      reply.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      reply.end(text);
    })().catch((error: unknown) => reply.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    inner,
    async close() {
      await new Promise((resolve) => proxy.close(resolve));
      await inner.close();
    },
  };
}
