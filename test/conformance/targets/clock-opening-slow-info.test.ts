/**
 * A session opening the clock of a server that answers its first `GET /v1/info` late or not at all, as a server just
 * started on a busy machine may: the session still gets the clock. It went without it once, then read this
 * machine's time while the frozen server stood at its fixed instant, and the server refused every code it made.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FROZEN_CLOCK_START_MS } from '../../../conformance/spec/protocol/conformance-clock.js';
import { CLOCK_LACKS, openConformanceClock } from '../../../conformance/targets/open-conformance-clock.js';
import { clockOfFrozenServer } from '../../../conformance/targets/reference-target.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A proxy in front of `inner` that drops the connection of the first `dropped` requests for `GET /v1/info`. */
async function droppingInfo(inner: TestServer, dropped: number): Promise<string> {
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

describe('opening the clock of a server slow to answer GET /v1/info', () => {
  it('asks again, and gets the frozen clock where the server stands', async () => {
    const inner = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
    closers.push(() => inner.close());
    const opening = await openConformanceClock(await droppingInfo(inner, 2), inner.console);
    expect(opening).not.toHaveProperty('clockLack');
    expect(opening).toHaveProperty('clock.frozenAtMs', FROZEN_CLOCK_START_MS);
  });

  it('says what it tried when the server never answers', async () => {
    const inner = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
    closers.push(() => inner.close());
    const opening = await openConformanceClock(await droppingInfo(inner, 3), inner.console);
    expect(opening).toHaveProperty(
      'clockLack',
      expect.stringMatching(/did not answer GET \/v1\/info, which says whether it offers one \(3 tries, the last: /),
    );
  });
});

describe("the reference target's session without the clock of its frozen server", () => {
  it("is no session: its start failed, saying why, since it would read this machine's time", () => {
    const lack = { clockLack: `${CLOCK_LACKS.unasked} (3 tries, the last: socket hang up)` };
    expect(() => clockOfFrozenServer(lack, true)).toThrow(
      expect.objectContaining({
        code: 'server-start-failed',
        message: expect.stringMatching(
          /frozen conformance clock, but the kit could not open it: needs the conformance/,
        ),
      }),
    );
    // A server on the wall clock may go without: the kit then reads the same time the server does.
    expect(clockOfFrozenServer(lack, false)).toBe(lack);
  });
});
