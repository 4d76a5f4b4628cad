/** `mbsc selftest`, and `--fault` on `mbsc run` and `mbsc serve`, as a user runs them. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-selftest-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mbsc selftest', () => {
  it('lists the catalogue', async () => {
    const result = await runCli(['selftest', '--list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/replayed-totp-accepted\s+server\s+TOTP-12/);
    expect(result.stdout).toMatch(/frees-documents\s+app\s+FUS-06/);
  });

  it('runs the whole suites against two variants and prints what caught them, with a replay command', async () => {
    const result = await runCli(
      [
        'selftest',
        '--faults',
        'backup-off-lan,late-push-approved',
        '--seed',
        '3',
        '--runs',
        '30',
        '--profiles',
        'redmi-note-8',
      ],
      600_000,
    );
    expect(result.stderr).toContain('2 variants, seed 3');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/backup-off-lan\s+yes\s+.*RUN-01/);
    expect(result.stdout).toMatch(/late-push-approved\s+yes\s+.*PUSH-04/);
    expect(result.stdout).toContain('Detection rate: 2/2 (100.0 %), seed 3, wall time');
    const replay = /(mbsc run [^\n]*--fault backup-off-lan[^\n]*)/.exec(result.stdout)?.[1];
    expect(replay).toBeDefined();

    // The printed command reproduces the failure, and the same command without the fault passes.
    const args = replay!.replace(/'/g, '').split(' ').slice(1);
    const again = await runCli([...args, '--out', path.join(dir, 'replay')], 120_000);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('FAIL RUN-01');
    const at = args.indexOf('--fault');
    const clean = [...args.slice(0, at), ...args.slice(at + 2)];
    const fixed = await runCli([...clean, '--out', path.join(dir, 'clean')], 120_000);
    expect(fixed.code).toBe(0);
  });

  it('refuses an unknown variant with the nearest name, on every command that takes one', async () => {
    for (const command of ['selftest --faults', 'run --fault', 'serve --fault']) {
      const result = await runCli([...command.split(' '), 'frees-documnts']);
      expect(result.code, command).toBe(2);
      expect(result.stderr).toContain('Did you mean "frees-documents"?');
    }
  });

  it('keeps app variants off the server command, and server variants off a server given with --server', async () => {
    const serve = await runCli(['serve', '--fault', 'frees-documents', '--data', path.join(dir, 'data')]);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('a fault of the app model');
    const run = await runCli([
      'run',
      '--server',
      'http://127.0.0.1:9',
      '--udp-port',
      '9',
      '--edition',
      'pro',
      '--fault',
      'stale-totp-accepted',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('faults of the reference server');
  });
});
