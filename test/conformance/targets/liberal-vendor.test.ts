/**
 * `mbsc validate` passes a vendor's server that does what PROTOCOL.md allows, only otherwise than the reference:
 * keys of its own in open answer objects and errors, keys in another order, indented and chunked JSON, another
 * spelling of the charset, extra headers, listings in pages of 2 whatever `limit` asked for (a page may hold fewer
 * while more follow; test/helpers/liberal-proxy.ts), and a second run on the same server, whose earlier run left a
 * device folder of the name a check pairs again (a new device's registration then moves on past it). Narrowed to
 * the checks that judged such a server's answers by the reference's habits.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnServe, type ServeProcess } from '../../helpers/cli-process.js';
import { startLiberalProxy, type LiberalProxy } from '../../helpers/liberal-proxy.js';
import { tempDir } from '../../helpers/test-server.js';

const CHECKS = [
  'editions-pro-features',
  'protocol-errors-catalogued',
  'storage-stored-as',
  'backup-resume-integrity-model-android',
  'sources-selected-only',
  'os-limitations-restore-keeps-android-files',
  'restore-latest-state-only',
  // Each read only the first page of a listing: the migrated items, the push notifications.
  'migration-device-list',
  'tfa-push-login-model',
  'tfa-push-app-approval',
];

const dir = tempDir('mbsc-liberal-vendor-');
let served: ServeProcess;
let proxy: LiberalProxy;
beforeAll(async () => {
  const data = path.join(dir, 'data');
  served = await spawnServe([
    '--edition',
    'pro',
    '--host',
    '127.0.0.1',
    '--data',
    data,
    '--conformance-clock',
    '--frozen-clock',
  ]);
  proxy = await startLiberalProxy(served);
});
afterAll(async () => {
  await proxy.close();
  served.child.kill('SIGTERM');
  await served.exited;
  rmSync(dir, { recursive: true, force: true });
});

function validate(checks: readonly string[], out: string) {
  return runCli(
    [
      'validate',
      ...['--server', proxy.url, '--udp-port', String(proxy.udpPort), '--edition', 'pro'],
      ...['--console-key', served.consoleKey, '--profiles', 'samsung-galaxy-a12', '--seed', '7', '--runs', '3'],
      ...['--checks', checks.join(','), '--out', path.join(dir, out)],
    ],
    180_000,
  );
}

describe('mbsc validate on a server that answers as the protocol allows, not as the reference does', () => {
  it('passes every check, on a second run too', async () => {
    const first = await validate(['storage-stored-as'], 'first');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const result = await validate(CHECKS, 'second');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(dir, 'second', 'summary.json'), 'utf8')) as {
      checks: { checkId: string; cells: { verdict: string }[] }[];
    };
    const verdicts = summary.checks.map((c) => `${c.checkId}: ${c.cells.map((cell) => cell.verdict).join()}`);
    expect(verdicts.sort()).toEqual(CHECKS.map((id) => `${id}: pass`).sort());
  });
});
