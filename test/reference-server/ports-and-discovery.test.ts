/** Edition ports (seed 000 §2.5): defaults, fallback to the next free port, and UDP discovery of the actual ports. */
import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../conformance/spec/editions.js';
import { decodePairingPayload } from '../../conformance/spec/protocol/pairing.js';
import { discoverServers } from '../../simulators/mbs-client/discovery-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function occupyTcp(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve(server));
  });
}

async function occupyUdp(port: number) {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ address: '127.0.0.1', port, exclusive: true }, () => resolve());
  });
  return socket;
}

describe('edition ports', () => {
  it('takes the next free port in range when the default is busy, and reports the actual ports', async () => {
    const { tcp, udp } = EDITIONS.lite;
    const blockedTcp = await occupyTcp(tcp.first);
    const blockedUdp = await occupyUdp(udp.first);
    cleanups.push(
      () => void blockedTcp.close(),
      () => void blockedUdp.close(),
    );
    const t: TestServer = await startTestServer('lite', { tcpPort: undefined, udpPort: undefined });
    cleanups.push(() => t.close());

    expect(t.server.identity.tcpPort).toBe(tcp.first + 1);
    expect(t.server.identity.udpPort).toBe(udp.first + 1);
    const info = await t.console.call('getInfo');
    expect(info).toMatchObject({ edition: 'lite', tcpPort: tcp.first + 1, udpPort: udp.first + 1, twoFactor: true });
    const pairing = await t.console.call('createPairing', { body: { mode: 'add' } });
    expect(decodePairingPayload(pairing.payload)).toMatchObject({
      edition: 'lite',
      tcp: tcp.first + 1,
      udp: udp.first + 1,
    });

    const found = await discoverServers({ host: '127.0.0.1', ports: [udp.first, udp.first + 1], timeoutMs: 400 });
    expect(found).toEqual([
      expect.objectContaining({
        serverId: info.serverId,
        edition: 'lite',
        tcpPort: tcp.first + 1,
        udpPort: udp.first + 1,
      }),
    ]);
  });

  it('ignores garbage datagrams and answers only its own edition', async () => {
    const t = await startTestServer('home');
    cleanups.push(() => t.close());
    const port = t.server.identity.udpPort;
    const garbage = createSocket('udp4');
    cleanups.push(() => void garbage.close());
    const replies: Buffer[] = [];
    garbage.on('message', (m) => replies.push(m));
    await new Promise<void>((r) => garbage.bind(0, '127.0.0.1', () => r()));
    for (const payload of [
      '',
      'hello',
      '{"type":"mbs.discover"}',
      '{"type":"mbs.discover","v":2,"nonce":"x"}',
      'x'.repeat(1500),
      '\u0000\u00ff',
    ]) {
      garbage.send(Buffer.from(payload), port, '127.0.0.1');
    }
    const other = await discoverServers({ host: '127.0.0.1', ports: [port], timeoutMs: 200, edition: 'pro' });
    const own = await discoverServers({ host: '127.0.0.1', ports: [port], timeoutMs: 300, edition: 'home' });
    expect(replies).toEqual([]);
    expect(other).toEqual([]);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ edition: 'home', tcpPort: t.server.identity.tcpPort, host: '127.0.0.1' });
    expect((await t.console.call('getInfo')).twoFactor).toBe(false);
  });
});
