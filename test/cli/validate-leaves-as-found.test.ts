/**
 * `mbsc validate` leaves a server it did not start as it found it, whatever its checks made there and however they
 * made it: against `mbsc serve` as its own process, checks that register authenticators, set a password lock or pair
 * phones through the app's screens leave the console's devices and 2FA settings as they were, the owner's own
 * device and authenticator included. A 2FA check, which starts by turning 2FA off, is untested on a server whose
 * owner set 2FA up; what the protocol cannot take back (the logins it made) is the cell's warning. The authenticators
 * a stopped run left (the kit's mark in their names) are removed, said as a warning, and the check is judged.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairDevice } from '../../conformance/kit/server-support.js';
import { registerByQr } from '../../conformance/suites/two-factor/common/actors.js';
import { referenceApp } from '../../conformance/targets/app-under-test.js';
import type { TargetSession } from '../../conformance/targets/target.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { runCli, spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { consoleSnapshot } from '../helpers/console-snapshot.js';
import { tempDir } from '../helpers/test-server.js';
import { registerOwners } from '../helpers/owner-authenticator.js';

const dir = tempDir('mbsc-validate-as-found-');
let served: ServeProcess;
let desktop: MbsClient;
beforeAll(async () => {
  const data = path.join(dir, 'data');
  served = await spawnServe(['--edition', 'pro', '--host', '127.0.0.1', '--data', data, '--conformance-clock']);
  desktop = new MbsClient({ baseUrl: served.url, consoleKey: served.consoleKey });
  const session = { url: served.url, edition: 'pro', console: desktop, app: referenceApp() };
  await pairDevice(session as unknown as TargetSession, "The vendor's own phone");
});
afterAll(async () => {
  served.child.kill('SIGTERM');
  await served.exited;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A 2FA check that sets a password lock, two device checks that register their phones for 2FA and log in, two that
 * pair through the app's screens.
 */
const CHECKS = [
  'tfa-password-lock-forgot',
  'migration-2fa-repair',
  'migration-push-moves-to-replacement',
  'migration-replacement-says-screens',
  'pairing-confirmation-screens',
];

interface Summary {
  checks: { checkId: string; cells: { verdict: string; reason?: string; warnings?: string[] }[] }[];
}

async function validate(out: string, checks = CHECKS): Promise<Summary> {
  const result = await runCli(
    [
      'validate',
      ...['--server', served.url, '--udp-port', String(served.udpPort), '--edition', 'pro'],
      ...['--console-key', served.consoleKey, '--profiles', 'redmi-note-8', '--seed', '7', '--runs', '3'],
      ...['--checks', checks.join(','), '--out', path.join(dir, out)],
    ],
    120_000,
  );
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(dir, out, 'summary.json'), 'utf8')) as Summary;
}

const cellOf = (summary: Summary, checkId: string) => summary.checks.find((c) => c.checkId === checkId)?.cells[0];

describe('mbsc validate on a server it did not start', () => {
  it('removes the devices and authenticators its checks made, by any means, and leaves no password lock', async () => {
    const before = await consoleSnapshot(desktop);
    const summary = await validate('no-2fa');
    // The original's one-time passwords stay valid after a migration: the reference's advisory finding (MIG-09).
    expect(CHECKS.map((id) => cellOf(summary, id)?.verdict)).toEqual(['pass', 'advisory', 'pass', 'pass', 'pass']);
    expect(await consoleSnapshot(desktop)).toEqual(before);
    // Its logins cannot be taken back through the protocol: said, never judged.
    expect(cellOf(summary, 'tfa-password-lock-forgot')?.warnings).toEqual([
      expect.stringMatching(/^left on the server: \d+ desktop logins \(their history\), \d+ e-mail codes? sent/),
    ]);
  }, 150_000);

  it('removes the authenticators a stopped run left and judges the 2FA check, saying what it removed', async () => {
    // As a run killed mid-cell leaves them: registered by the kit, under its mark, and never put back.
    const left = await registerByQr(desktop, served.url, 'Throttle reset');
    const summary = await validate('kit-leftovers', CHECKS.slice(0, 1));
    const cell = cellOf(summary, CHECKS[0]!);
    expect(cell?.verdict).toBe('pass');
    expect(cell?.warnings).toContain(`removed 1 authenticator an earlier run of the kit left: ${left.name}`);
    expect((await desktop.call('getTwoFactor')).authenticators).toEqual([]);
  }, 150_000);

  it("keeps the owner's authenticator and password lock: the checks that need 2FA off are untested", async () => {
    await registerOwners(desktop, served.url, "The vendor's own authenticator");
    await desktop.call('setPasswordLock', { body: { password: 'Vendor-Pass-123', email: 'owner@vendor.example' } });
    const before = await consoleSnapshot(desktop);
    const summary = await validate('vendor-2fa');
    const cleared = CHECKS.slice(0, 3).map((id) => cellOf(summary, id));
    expect(cleared.map((c) => c?.verdict)).toEqual(['untested', 'untested', 'untested']);
    expect(cleared[0]?.reason).toContain(
      "the server has 2FA set up that this run of the kit did not make (1 authenticator (The vendor's own authenticator) and a " +
        'password lock (e-mail owner@vendor.example))',
    );
    expect(await consoleSnapshot(desktop)).toEqual(before);
    expect(before.twoFactor.authenticators.map((a) => a.name)).toEqual(["The vendor's own authenticator"]);
    expect(before.devices.map((d) => d.name)).toEqual(["The vendor's own phone"]);
  }, 150_000);
});
