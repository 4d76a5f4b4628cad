/**
 * Servers of one edition started at the same moment (seed 000 §2.5): each takes a port of its own in the range, by
 * listening on it rather than finding it free first, and each is reached there as itself, never as a neighbour.
 * The servers are `mbsc serve` processes of the compiled CLI, as the kit starts a vendor's: found free by one and
 * listened on a moment later, a port could be taken by another in between, and that server would then exit.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../conformance/spec/editions.js';
import { listenInRange, NoFreePortError } from '../../reference-server/net/ports.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const LOOPBACK = '127.0.0.1';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function listener(port: number): Promise<Server> {
  const server = createServer();
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port }, () => resolve(server));
  });
}

const portOf = (server: Server) => (server.address() as { port: number }).port;

describe('servers of one edition starting at once', () => {
  it(
    'each takes a port of its own in the range and answers there with its own identity and key',
    { timeout: 180_000 },
    async () => {
      const { tcp } = EDITIONS.pro;
      const dir = tempDir('mbsc-concurrent-ports-');
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      // Separate processes with no ports given, all at the same moment: each looks for its own in the Pro range.
      const started = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) =>
          spawnServe(['--edition', 'pro', '--host', LOOPBACK, '--data', path.join(dir, `d${i}`)], 90_000),
        ),
      );
      const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      for (const server of servers) cleanups.push(() => stopServe(server));
      expect(started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []))).toEqual([]);
      const ports = servers.map((s) => s.tcpPort);
      expect(new Set(ports).size).toBe(servers.length);
      for (const port of ports) expect(port >= tcp.first && port <= tcp.last, `${port}`).toBe(true);
      for (const own of servers) await expectReachedAsItself(own, servers);
    },
  );
});

async function stopServe(server: ServeProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** At the URL it printed: the port it announces, its own console key taken, every neighbour's refused. */
async function expectReachedAsItself(own: ServeProcess, all: readonly ServeProcess[]): Promise<void> {
  expect(own.url).toBe(`http://${LOOPBACK}:${own.tcpPort}`);
  const info = await new MbsClient({ baseUrl: own.url }).call('getInfo');
  expect(info.tcpPort).toBe(own.tcpPort);
  await expect(
    new MbsClient({ baseUrl: own.url, consoleKey: own.consoleKey }).call('listDevices'),
  ).resolves.toBeDefined();
  for (const other of all.filter((s) => s !== own)) {
    const client = new MbsClient({ baseUrl: own.url, consoleKey: other.consoleKey });
    await expect(client.call('listDevices')).rejects.toMatchObject({ code: 'console-unauthorized' });
  }
}

describe('listenInRange', () => {
  it('moves past a taken port to the next, and keeps the port its listener got', async () => {
    const taken = await listener(0);
    const first = portOf(taken);
    const tried: number[] = [];
    let mine: Server | undefined;
    const port = await listenInRange(LOOPBACK, { first, last: first + 20 }, undefined, async (candidate) => {
      tried.push(candidate);
      mine = await listener(candidate);
      return portOf(mine);
    });
    expect(tried[0]).toBe(first);
    expect(port).toBeGreaterThan(first);
    expect(portOf(mine as Server)).toBe(port);
  });

  it('stops at an error that is not a taken port, and names the one port asked for when it is taken', async () => {
    const refused = Object.assign(new Error('no'), { code: 'EACCES' });
    const calls: number[] = [];
    await expect(
      listenInRange(LOOPBACK, { first: 1, last: 3 }, undefined, (port) => {
        calls.push(port);
        return Promise.reject(refused);
      }),
    ).rejects.toBe(refused);
    expect(calls).toEqual([1]);
    const taken = portOf(await listener(0));
    const busy = listenInRange(LOOPBACK, { first: 1, last: 3 }, taken, (port) => listener(port).then(portOf));
    await expect(busy).rejects.toBeInstanceOf(NoFreePortError);
    await expect(busy).rejects.toThrow(`${taken}-${taken}`);
  });
});
