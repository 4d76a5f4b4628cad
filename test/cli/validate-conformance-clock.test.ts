/**
 * `mbsc serve --conformance-clock` and `mbsc validate` against it as separate processes, as a vendor would run
 * them: with the clock the checks of time run and the console says it was used; with --no-conformance-clock they
 * skip with the reason, and the console counts them. Without the flag the server advertises no clock.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { runCli, spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-validate-clock-');
let served: ServeProcess;
beforeAll(async () => {
  served = await spawnServe([
    '--conformance-clock',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--udp-port',
    '0',
    '--data',
    dir,
  ]);
});
afterAll(async () => {
  served.child.kill('SIGTERM');
  await served.exited;
  rmSync(dir, { recursive: true, force: true });
});

const validate = (...extra: string[]) =>
  runCli(
    [
      'validate',
      ...['--server', served.url, '--udp-port', String(served.udpPort), '--edition', 'pro'],
      ...['--console-key', served.consoleKey, '--profiles', 'redmi-note-8', '--seed', '7', '--runs', '5'],
      ...['--checks', 'tfa-totp-window-model,protocol-conformance-clock'],
      ...['--out', path.join(dir, extra.length > 0 ? 'without' : 'with')],
      ...extra,
    ],
    120_000,
  );

describe('mbsc serve --conformance-clock', () => {
  it('says so, and advertises the clock', async () => {
    expect(served.output()).toContain('Conformance clock on');
    const info = await new MbsClient({ baseUrl: served.url }).call('getInfo');
    expect(info.capabilities).toEqual(['conformance-clock']);
  });
});

describe('mbsc validate and the conformance clock', () => {
  it('uses the clock the server offers: the checks of time run', async () => {
    const result = await validate();
    expect(result.stdout).toContain('conformance clock: used');
    expect(result.stdout).toMatch(/^PASS/m);
    expect(result.code).toBe(0);
  });

  it('with --no-conformance-clock, skips the checks of time with the reason and counts them', async () => {
    const result = await validate('--no-conformance-clock');
    expect(result.stdout).toContain('conformance clock: not used (--no-conformance-clock) — 1 check needs it');
    expect(result.stdout).not.toMatch(/^FAIL/m);
  });
});
