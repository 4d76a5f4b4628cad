/**
 * Servers that break one rule each, run through the runner as `mbsc validate` would run a vendor's: a reference
 * server behind a proxy that rewrites some answers, a server on ports outside its edition's ranges, a discovery
 * responder that announces the wrong port. The check for that rule fails with a counterexample; the others pass.
 */
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/framework/check.js';
import { EDITIONS, type Edition } from '../../../conformance/spec/editions.js';
import { editionFeatureChecks } from '../../../conformance/suites/edition-features.js';
import { editionPortChecks, portFallbackCheck } from '../../../conformance/suites/editions-ports.js';
import { errorsConformanceCheck } from '../../../conformance/suites/errors-conformance.js';
import { migrationCheck } from '../../../conformance/suites/migration-server.js';
import { discoveryCheck } from '../../../conformance/suites/pairing-discovery.js';
import { pairingTokensCheck } from '../../../conformance/suites/pairing-tokens.js';
import { protocolIntegrityCheck } from '../../../conformance/suites/protocol-integrity.js';
import { SERVER_CHECKS } from '../../../conformance/suites/server-suites.js';
import { ServerTarget } from '../../../conformance/targets/server-target.js';
import type { Summary } from '../../../reports/summary-schema.js';
import type { ServerOptions } from '../../../reference-server/options.js';
import { startServer, type RunningServer } from '../../../reference-server/server.js';
import { json, startProxy, type Rewrite } from './rewriting-proxy.js';
import { runChecks } from './run-checks.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function backend(edition: Edition, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `mbsc-broken-${edition}-`));
  const server = await startServer({ edition, dataDir, host: '127.0.0.1', name: `broken ${edition}`, ...options });
  cleanups.push(
    () => server.close(),
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
  return server;
}

/** A reference server of `edition` behind a proxy that applies `rewrite`, as a vendor's server to validate. */
async function brokenServer(edition: Edition, rewrite: Rewrite) {
  const server = await backend(edition);
  const proxy = await startProxy(server.url, rewrite);
  cleanups.push(() => proxy.close());
  const target = new ServerTarget({
    url: proxy.url,
    udpPort: server.identity.udpPort,
    edition,
    consoleKey: server.consoleKey,
  });
  return { target, proxy };
}

function cell(summary: Summary, check: Check) {
  const found = summary.checks.find((c) => c.checkId === check.id)?.cells[0];
  if (!found) throw new Error(`no cell for ${check.id}`);
  return found;
}

const uploadPath = /^\/v1\/uploads\/([^/?]+)$/;

describe('a server that breaks one rule', () => {
  it('answering 200 to an append at the wrong offset fails the integrity model, with its command list', async () => {
    const { target, proxy } = await brokenServer('pro', async (x) => {
      const id = uploadPath.exec(x.url)?.[1];
      if (x.method !== 'PATCH' || !id || x.status !== 409) return undefined;
      if ((json(x.body) as { code?: string })?.code !== 'upload-offset-mismatch') return undefined;
      // Ignores the offset the client sent and answers with where the upload really is.
      const status = await x.upstream('GET', `/v1/uploads/${id}`, {
        authorization: String(x.requestHeaders.authorization),
      });
      return { status: 200, body: JSON.stringify({ complete: false, upload: json(status.body) }) };
    });
    const summary = await runChecks(target, SERVER_CHECKS, 15);
    expect(proxy.rewritten()).toBeGreaterThan(0);
    const failed = cell(summary, protocolIntegrityCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/expected upload-offset-mismatch.*but it succeeded/);
    expect(failed.failure?.commands?.some((c) => /append to upload #\d+ at its offset [+-] \d+/.test(c))).toBe(true);
    expect(failed.failure?.counterexample).toBeTruthy();
    expect(failed.failure?.seed).toBe(42);
    expect(failed.failure?.path).toBeTruthy();
    expect(failed.failure?.replayCommand).toContain('--seed 42');
    // Every other check passes or says why it cannot run against a server it does not control.
    const others = summary.checks.filter((c) => c.checkId !== protocolIntegrityCheck.id);
    expect(
      others.flatMap((c) =>
        c.cells.filter((x) => x.verdict === 'fail').map((x) => `${c.checkId}: ${x.failure?.message}`),
      ),
    ).toEqual([]);
    expect(summary.requirements.find((r) => r.id === 'BAK-02')?.verdict).toBe('fail');
    expect(summary.verdict).toBe('fail');

    // Replaying the failure's path runs the shrunk command list at once, and fails the same way.
    const [path, commandsPath] = (failed.failure?.path ?? '').split('~');
    const session = await target.open('pro');
    const replayed = await protocolIntegrityCheck.run({
      session,
      column: { edition: 'pro' },
      seed: 42,
      runs: 15,
      ...(path ? { path } : {}),
      ...(commandsPath ? { commandsReplayPath: commandsPath } : {}),
    });
    expect(replayed).toMatchObject({ verdict: 'fail', runs: 1, failure: { commands: failed.failure?.commands } });
  });

  it('listing an unfinished upload fails the integrity model', async () => {
    const uploads = new Map<string, string>();
    const { target } = await brokenServer('home', async (x) => {
      if (x.method === 'POST' && x.url === '/v1/uploads' && x.status === 201) {
        const answer = json(x.body) as { status: string; upload?: { uploadId: string } };
        if (answer.upload) uploads.set(answer.upload.uploadId, String(x.requestHeaders.authorization));
        return undefined;
      }
      if (x.method !== 'GET' || !x.url.startsWith('/v1/items?') || x.status !== 200) return undefined;
      const query = new URLSearchParams(x.url.split('?')[1]);
      if (query.has('cursor') || query.has('kind') || (query.get('tab') ?? 'recent') !== 'recent') return undefined;
      const page = json(x.body) as { items: unknown[]; nextCursor: string | null };
      for (const [uploadId, authorization] of uploads) {
        if (authorization !== x.requestHeaders.authorization) continue;
        const status = await x.upstream('GET', `/v1/uploads/${uploadId}`, { authorization });
        const upload = json(status.body) as { sha256: string; size: number; offset: number };
        if (status.status !== 200 || upload.offset === 0) continue;
        page.items.push({
          sha256: upload.sha256,
          size: upload.size,
          meta: { kind: 'photo', name: 'partial.jpg', path: '/partial.jpg' },
          tab: 'recent',
          storedAs: 'blocks/2021-07-19-15-43-34/0/0000ff.JPG',
          confirmedAt: Date.now(),
        });
      }
      return { status: 200, body: JSON.stringify(page) };
    });
    const summary = await runChecks(target, [protocolIntegrityCheck], 30);
    const failed = cell(summary, protocolIntegrityCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/an unfinished upload is listed \(offset \d+ of \d+\)/);
    expect(failed.failure?.commands?.length).toBeGreaterThan(0);
  });

  it('a device list that drops names outside ASCII fails the pairing model, not the migration check', async () => {
    const { target } = await brokenServer('pro', async (x) => {
      if (x.method !== 'GET' || x.url !== '/v1/console/devices' || x.status !== 200) return undefined;
      const list = json(x.body) as { devices: { name: string }[] };
      return {
        status: 200,
        body: JSON.stringify({ devices: list.devices.filter((d) => /^[\x20-\x7e]*$/.test(d.name)) }),
      };
    });
    const summary = await runChecks(target, [pairingTokensCheck, migrationCheck], 30);
    const failed = cell(summary, pairingTokensCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/the device list shows \[.*\]; the model has \[.*(Zoé|山田)/);
    expect(failed.failure?.commands?.some((c) => c.startsWith('pair a new installation'))).toBe(true);
    expect(cell(summary, migrationCheck).verdict).toBe('pass');
  });

  it('a migration that gives the replacement a folder of its own fails the migration check', async () => {
    const { target } = await brokenServer('home', async (x) => {
      if (x.method !== 'POST' || x.url !== '/v1/pair' || x.status !== 201) return undefined;
      const answer = json(x.body) as { name: string; registeredAt: number; migratedFrom?: unknown };
      if (!answer.migratedFrom) return undefined;
      return { status: 201, body: JSON.stringify({ ...answer, backupPath: `${answer.name}/${answer.registeredAt}` }) };
    });
    const summary = await runChecks(target, [migrationCheck], 5);
    const failed = cell(summary, migrationCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/^migration answered .*"backupPath":"Redmi Note 8\/\d+"/);
    expect(failed.failure?.counterexample).toBeTruthy();
  });

  it('a Home server that answers 2FA routes as if it had them fails the Home features check', async () => {
    const { target } = await brokenServer('home', async (x) => {
      if (x.status !== 404 || (json(x.body) as { code?: string })?.code !== '2fa-not-supported') return undefined;
      return {
        status: 401,
        body: JSON.stringify({ code: 'console-unauthorized', message: 'The console key is missing or wrong.' }),
      };
    });
    const summary = await runChecks(target, editionFeatureChecks, 1);
    const failed = cell(summary, editionFeatureChecks[2] as Check);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(
      /on a Home server answered 401 console-unauthorized, not 404 2fa-not-supported/,
    );
    expect(summary.requirements.find((r) => r.id === 'EDN-04')?.verdict).toBe('fail');
  });

  it('an error answered as plain text fails the error check, with the request that got it', async () => {
    const { target } = await brokenServer('pro', async (x) => {
      if (x.status !== 405) return undefined;
      return { status: 405, body: 'Method Not Allowed' };
    });
    const summary = await runChecks(target, [errorsConformanceCheck], 40);
    const failed = cell(summary, errorsConformanceCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/status 405 with a body that is not JSON/);
    expect(failed.failure?.counterexample).toMatch(/method/);
  });

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
    expect(cell(summary, portFallbackCheck).verdict).toBe('skipped');
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
