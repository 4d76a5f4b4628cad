/**
 * The fault proxy on real loopback sockets, in front of a plain HTTP server that counts what reached it: it passes
 * requests untouched; a cut request reaches the server not at all, or with its headers and the body bytes allowed;
 * a dropped answer reaches the server whole and comes back as a broken connection; a partition cuts every request
 * until healed; retarget sends the next connections elsewhere; a slow answer arrives even when the server closes
 * right after it. Each fault meets only the next request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../../../conformance/kit/nemesis/fault-proxy.js';

interface Upstream {
  readonly url: string;
  /** Each request that reached it: its path and how many body bytes arrived before it ended or broke. */
  readonly seen: { path: string; bytes: number; whole: boolean }[];
  close(): Promise<void>;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function upstream(name: string): Promise<Upstream> {
  const seen: Upstream['seen'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const entry = { path: req.url ?? '', bytes: 0, whole: false };
    seen.push(entry);
    req.on('data', (chunk: Buffer) => (entry.bytes += chunk.length));
    req.on('end', () => {
      entry.whole = true;
      res.end(`${name} ${entry.bytes}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const made = {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(made);
  return made;
}

async function proxyTo(target: string): Promise<FaultProxy> {
  const proxy = await FaultProxy.start(target);
  open.push(proxy);
  return proxy;
}

/** A POST through the proxy on a connection of its own: the answer's text, or the error that ended it. */
async function post(proxy: FaultProxy, path: string, body = 'x'.repeat(100)): Promise<string> {
  try {
    const answer = await fetch(`${proxy.url}${path}`, {
      method: 'POST',
      body,
      headers: { connection: 'close' },
      signal: AbortSignal.timeout(20_000),
    });
    return await answer.text();
  } catch (error) {
    return `error ${(error as Error).name}`;
  }
}

/** Waits until the upstream saw `n` requests end or break, without a fixed sleep. */
async function settled(up: Upstream, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check(), JSON.stringify(up.seen)).toBe(true);
}

describe('FaultProxy', () => {
  it('passes requests and answers untouched when nothing is armed', async () => {
    const up = await upstream('A');
    const proxy = await proxyTo(up.url);
    expect(await post(proxy, '/one')).toBe('A 100');
    expect(up.seen).toEqual([{ path: '/one', bytes: 100, whole: true }]);
    expect(proxy.injected).toBe(0);
  });

  it('cuts a request before the server sees it, and only that request', async () => {
    const up = await upstream('A');
    const proxy = await proxyTo(up.url);
    proxy.arm({ kind: 'cut-request' });
    expect(await post(proxy, '/cut')).toMatch(/^error/);
    expect(await post(proxy, '/after')).toBe('A 100');
    expect(up.seen.map((s) => s.path)).toEqual(['/after']);
    expect(proxy.injected).toBe(1);
  });

  it('cuts a request after its headers and the body bytes allowed', async () => {
    const up = await upstream('A');
    const proxy = await proxyTo(up.url);
    proxy.arm({ kind: 'cut-request', bodyBytes: 40 });
    // The server may answer the broken request (a 400 from its HTTP parser); it never answers it as whole.
    expect(await post(proxy, '/part')).not.toBe('A 100');
    await settled(up, () => up.seen.length === 1 && up.seen[0]!.bytes === 40);
    expect(up.seen[0]).toMatchObject({ path: '/part', whole: false });
  });

  it('drops an answer the server gave to a whole request', async () => {
    const up = await upstream('A');
    const proxy = await proxyTo(up.url);
    proxy.arm({ kind: 'drop-answer' });
    expect(await post(proxy, '/dropped')).toMatch(/^error/);
    expect(up.seen).toEqual([{ path: '/dropped', bytes: 100, whole: true }]);
  });

  it('delays a slow answer and still delivers it when the server closes the connection after it', async () => {
    const up = await upstream('A');
    const proxy = await proxyTo(up.url);
    proxy.arm({ kind: 'slow-answer', delayMs: 50 });
    expect(await post(proxy, '/slow')).toBe('A 100');
  });

  it('cuts every request while partitioned, none once healed, and follows a retarget', async () => {
    const a = await upstream('A');
    const b = await upstream('B');
    const proxy = await proxyTo(a.url);
    proxy.partition(true);
    expect([await post(proxy, '/1'), await post(proxy, '/2')]).toEqual([
      expect.stringMatching(/^error/),
      expect.stringMatching(/^error/),
    ]);
    proxy.partition(false);
    proxy.retarget(b.url);
    expect(await post(proxy, '/3')).toBe('B 100');
    expect([a.seen.length, b.seen.map((s) => s.path)]).toEqual([0, ['/3']]);
    expect(proxy.injected).toBe(2);
  });
});
