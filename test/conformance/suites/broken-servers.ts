/**
 * Servers for the non-conforming tests: reference servers on 127.0.0.1 (in the editions' ranges unless told
 * otherwise), optionally behind a rewriting proxy, offered to the runner as a vendor's server would be.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Check } from '../../../conformance/framework/check.js';
import type { Edition } from '../../../conformance/spec/editions.js';
import { ServerTarget } from '../../../conformance/targets/server-target.js';
import type { Summary } from '../../../reports/summary-schema.js';
import type { ServerOptions } from '../../../reference-server/options.js';
import { startServer, type RunningServer } from '../../../reference-server/server.js';
import { startProxy, type Rewrite } from './rewriting-proxy.js';

export const cleanups: (() => Promise<void> | void)[] = [];
/** Registers the cleanup of whatever the tests of the importing file start. */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
}

export async function backend(edition: Edition, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `mbsc-broken-${edition}-`));
  const server = await startServer({ edition, dataDir, host: '127.0.0.1', name: `broken ${edition}`, ...options });
  cleanups.push(
    () => server.close(),
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
  return server;
}

/** A reference server of `edition` behind a proxy that applies `rewrite`, as a vendor's server to validate. */
export async function brokenServer(edition: Edition, rewrite: Rewrite) {
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

export function cell(summary: Summary, check: Check) {
  const found = summary.checks.find((c) => c.checkId === check.id)?.cells[0];
  if (!found) throw new Error(`no cell for ${check.id}`);
  return found;
}

export const uploadPath = /^\/v1\/uploads\/([^/?]+)$/;
