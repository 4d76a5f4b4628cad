/**
 * `mbsc validate` on an honest server that answers slowly (test/helpers/latency.ts through the proxy of
 * test/helpers/liberal-proxy.ts, rewriting only the ports): its discovery answers come 450-550 ms after the request,
 * as from a vendor's loaded machine. The kit waits for them as long as the app does, and listens for an answer that
 * must not come at least twice as long as the server took to answer one that must: a slow server's answer to a
 * request for another edition is still caught. A server whose answers come later than the app waits fails, and the
 * finding says it was too slow for the app to find it.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, spawnServe, type ServeProcess } from '../../helpers/cli-process.js';
import { startLiberalProxy, type LiberalProxy } from '../../helpers/liberal-proxy.js';
import { tempDir } from '../../helpers/test-server.js';
import type { Latency } from '../../helpers/latency.js';

const CHECK = 'network-discovery-announces-actual-ports';
const SLOW = { delayMs: 450, jitterMs: 100, seed: 7 };

const dir = tempDir('mbsc-slow-vendor-');
const started: { served: ServeProcess; proxy: LiberalProxy }[] = [];
afterEach(async () => {
  for (const { served, proxy } of started.splice(0)) {
    await proxy.close();
    served.child.kill('SIGTERM');
    await served.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

interface Cell {
  readonly verdict: string;
  readonly failure?: { readonly message: string; readonly requirements: readonly string[] };
}

/** `mbsc serve` (with a faulty variant when named) behind the slow proxy, validated on the discovery check. */
async function validateSlow(fault?: string, latency: Latency = SLOW) {
  const data = path.join(dir, `${fault ?? 'honest'}-${latency.delayMs}`);
  // Ports the system picks: the proxy stands for the server, so the edition's range (other runs may hold it) is moot.
  const fixed = '--edition pro --host 127.0.0.1 --port 0 --udp-port 0'.split(' ');
  const served = await spawnServe([...fixed, '--data', data, ...(fault ? ['--fault', fault] : [])]);
  const proxy = await startLiberalProxy(served, { liberal: false, latency });
  started.push({ served, proxy });
  const server = ['--server', proxy.url, '--udp-port', String(proxy.udpPort), '--edition', 'pro'];
  const run = ['--console-key', served.consoleKey, '--seed', '7', '--runs', '3', '--checks', CHECK];
  const result = await runCli(['validate', ...server, ...run, '--out', path.join(data, 'out')], 120_000);
  const summary = JSON.parse(readFileSync(path.join(data, 'out', 'summary.json'), 'utf8')) as {
    checks: { checkId: string; cells: Cell[] }[];
  };
  return { ...result, cell: summary.checks.find((c) => c.checkId === CHECK)?.cells[0] };
}

describe('mbsc validate on a server whose discovery answers take 450-550 ms', () => {
  it('passes the honest server', async () => {
    const result = await validateSlow();
    expect(result.cell, result.stdout + result.stderr).toEqual({ ...result.cell, verdict: 'pass' });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('fails the server that answers a request for another edition, for that answer', async () => {
    const result = await validateSlow('discovery-answers-other-edition');
    expect(result.cell?.verdict, result.stdout).toBe('fail');
    expect(result.cell?.failure).toMatchObject({
      requirements: ['NET-06'],
      message: expect.stringMatching(/^a request for the \w+ edition was answered$/) as unknown,
    });
    expect(result.code).toBe(1);
  });

  it('fails a server whose answers come later than the app waits, saying so', async () => {
    const result = await validateSlow(undefined, { delayMs: 3500 });
    expect(result.cell?.verdict, result.stdout).toBe('fail');
    expect(result.cell?.failure?.message).toMatch(
      /^no discovery answer on UDP .* within 3000 ms each, as long as the app waits: .* too late for the app/,
    );
  });
});
