/**
 * Servers that announce the wrong ports, run through the runner as a vendor's would be: one listening outside its
 * edition's ranges, and a discovery responder that announces the default TCP port instead of the actual one.
 */
import { createSocket, type Socket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../../conformance/kit/check.js';
import { EDITIONS } from '../../../../conformance/spec/editions.js';
import { editionPortChecks, portFallbackCheck } from '../../../../conformance/suites/network/ports-by-edition.js';
import { discoveryCheck } from '../../../../conformance/suites/network/discovery-announces-ports.js';
import { ServerTarget } from '../../../../conformance/targets/server-target.js';
import { backend, cell, cleanups, cleanUpAfterEach } from '../fixtures/broken-servers.js';
import { json } from '../fixtures/rewriting-proxy.js';
import { runChecks } from '../fixtures/run-checks.js';

cleanUpAfterEach();

describe('a server that announces the wrong ports', () => {
  it('a server on ports outside its edition’s ranges fails its port check', async () => {
    const server = await backend('pro', { tcpPort: 0, udpPort: 0 });
    const target = new ServerTarget({
      url: server.url,
      udpPort: server.identity.udpPort,
      edition: 'pro',
      consoleKey: server.consoleKey,
    });
    const summary = await runChecks(target, [...editionPortChecks, portFallbackCheck], 1);
    const failed = cell(summary, editionPortChecks[0] as Check);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(
      /^GET \/v1\/info says TCP \d+, UDP \d+; the pro ranges are TCP 50000-50099/,
    );
    // A running server given without --own-server: the fallback rule applies, but the kit cannot start another.
    expect(cell(summary, portFallbackCheck).verdict).toBe('untested');
    expect(summary.requirements.find((r) => r.id === 'NET-01')?.verdict).toBe('fail');
  });

  it('a discovery answer that announces the default port instead of the actual one fails the discovery check', async () => {
    const server = await backend('pro', { tcpPort: 0, udpPort: 0 });
    const responder: Socket = createSocket('udp4');
    cleanups.push(() => new Promise<void>((resolve) => responder.close(() => resolve())));
    responder.on('message', (message, remote) => {
      const request = json(message) as { type?: string; v?: number; nonce?: string; edition?: string } | undefined;
      if (request?.type !== 'mbs.discover' || request.v !== 1 || !/^[A-Za-z0-9_-]{1,64}$/.test(request.nonce ?? ''))
        return;
      if (request.edition !== undefined && request.edition !== 'pro') return;
      const answer = {
        type: 'mbs.announce',
        v: 1,
        nonce: request.nonce,
        serverId: server.identity.serverId,
        name: server.identity.name,
        edition: 'pro',
        host: '127.0.0.1',
        tcpPort: EDITIONS.pro.tcp.first,
        udpPort: (responder.address() as { port: number }).port,
      };
      responder.send(JSON.stringify(answer), remote.port, remote.address);
    });
    await new Promise<void>((resolve) => responder.bind(0, '127.0.0.1', () => resolve()));
    const target = new ServerTarget({
      url: server.url,
      udpPort: responder.address().port,
      edition: 'pro',
    });
    const summary = await runChecks(target, [discoveryCheck], 1);
    const failed = cell(summary, discoveryCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(
      /the announced TCP port 127.0.0.1:50000|at 127.0.0.1:50000; that port answers/,
    );
    expect(summary.requirements.find((r) => r.id === 'NET-08')?.verdict).toBe('fail');
  });
});
