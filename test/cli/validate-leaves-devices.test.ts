/**
 * `mbsc validate` leaves a server it did not start as it found it: against `mbsc serve` as its own process, the device
 * checks pair simulated phones for their sequences and remove them as each cell ends, so the console lists the same
 * devices after the run as before it, a device the vendor had paired itself included.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairDevice } from '../../conformance/kit/server-support.js';
import { referenceApp } from '../../conformance/targets/app-under-test.js';
import type { TargetSession } from '../../conformance/targets/target.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { runCli, spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-validate-devices-');
let served: ServeProcess;
let desktop: MbsClient;
beforeAll(async () => {
  served = await spawnServe(['--edition', 'pro', '--host', '127.0.0.1', '--data', path.join(dir, 'data')]);
  desktop = new MbsClient({ baseUrl: served.url, consoleKey: served.consoleKey });
});
afterAll(async () => {
  served.child.kill('SIGTERM');
  await served.exited;
  rmSync(dir, { recursive: true, force: true });
});

const listed = async () => (await desktop.call('listDevices')).devices.map((d) => d.deviceId).sort();

describe('mbsc validate on a server it did not start', () => {
  it('removes the devices its device checks paired, and no other', async () => {
    const session = {
      url: served.url,
      edition: 'pro',
      console: desktop,
      app: referenceApp(),
    } as unknown as TargetSession;
    await pairDevice(session, "The vendor's own phone");
    const before = await listed();
    expect(before).toHaveLength(1);
    const result = await runCli(
      [
        'validate',
        ...['--server', served.url, '--udp-port', String(served.udpPort), '--edition', 'pro'],
        ...['--console-key', served.consoleKey, '--profiles', 'redmi-note-8', '--seed', '7', '--runs', '3'],
        ...['--checks', 'app-log-entries,sources-selected-only', '--out', path.join(dir, 'out')],
      ],
      120_000,
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8')) as {
      checks: { cells: { verdict: string; column: string }[] }[];
    };
    // The device checks ran on the profile's column, pairing their phones there.
    const ran = summary.checks.flatMap((c) => c.cells).filter((c) => c.column.includes('@'));
    expect(ran.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    expect(await listed()).toEqual(before);
  });
});
