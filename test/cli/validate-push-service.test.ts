/**
 * NET-09 on a server reached only over HTTP: `mbsc validate` starts another server like it from the `--own-server`
 * command, with `{pushWebhook}` filled with a push service the kit runs and then takes away. The check passes on
 * the straight server, fails on one that still offers push without the service, and reads untested, naming the
 * placeholder, when the command has none (never pass).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MBSC_BIN, runCli, spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

// Lite: 2FA, and fewer of the other tests use its ranges.
const dir = tempDir('mbsc-validate-push-');
let served: ServeProcess;
beforeAll(async () => {
  served = await spawnServe(['--edition', 'lite', '--host', '127.0.0.1', '--data', path.join(dir, 'data')]);
});
afterAll(async () => {
  served.child.kill('SIGTERM');
  await served.exited;
  rmSync(dir, { recursive: true, force: true });
});

const CHECK = 'network-push-service-blocked';
const serve = `'${process.execPath}' '${MBSC_BIN}' serve --edition {edition} --host {host} --data {data} --console-key {consoleKey}`;

async function net09(
  out: string,
  ownServer: string,
): Promise<{ code: number | null; verdict?: string; reason?: string }> {
  const result = await runCli(
    [
      'validate',
      ...['--server', served.url, '--udp-port', String(served.udpPort), '--edition', 'lite'],
      ...['--console-key', served.consoleKey, '--seed', '7', '--runs', '2', '--checks', CHECK],
      ...['--own-server', ownServer, '--out', path.join(dir, out)],
    ],
    180_000,
  );
  const summary = JSON.parse(readFileSync(path.join(dir, out, 'summary.json'), 'utf8')) as {
    requirements: { id: string; verdict: string; reason?: string }[];
  };
  const row = summary.requirements.find((r) => r.id === 'NET-09');
  return { code: result.code, ...row };
}

describe('NET-09 through an --own-server command', () => {
  it('is judged when the command has {pushWebhook}: passes on the straight server', async () => {
    const judged = await net09('straight', `${serve} --push-webhook {pushWebhook}`);
    expect(judged.verdict, judged.reason).toBe('pass');
    expect(judged.code).toBe(0);
  });

  it('fails a server that offers push with its push service gone', async () => {
    const faulty = await net09('faulty', `${serve} --push-webhook {pushWebhook} --fault push-offered-without-service`);
    expect(faulty.verdict).toBe('fail');
    expect(faulty.code).not.toBe(0);
  });

  it('reads untested, naming the placeholder, when the command has no {pushWebhook}', async () => {
    const unjudged = await net09('no-placeholder', serve);
    expect(unjudged.verdict).toBe('untested');
    expect(unjudged.reason).toContain('{pushWebhook}');
  });
});
