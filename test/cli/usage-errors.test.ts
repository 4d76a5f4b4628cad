/**
 * CLI mistakes a new user makes, as usage errors with the documented exit codes and our own words: a forgotten
 * option value, a server address without a scheme, a server that does not answer, a mistyped profile; and each
 * command's help listing only the options it takes.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDITIONS } from '../../conformance/spec/editions.js';
import { loadMatrix } from '../../devices/load-profiles.js';
import { runCli } from '../helpers/cli-process.js';

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('usage errors', () => {
  it('a missing option value names the option and what it takes, in our words', async () => {
    const seed = await runCli(['run', '--seed']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('mbsc run: --seed needs a value: --seed N.');
    expect(seed.stderr).not.toMatch(/argument missing|<value>/);
    const edition = await runCli(['serve', '--edition', '--port', '1']);
    expect(edition.code).toBe(2);
    expect(edition.stderr).toContain('--edition needs a value: --edition one of pro, lite, home.');
  });

  it('a replay path whose case start is not a number of ms is refused before anything runs', async () => {
    const result = await runCli(['run', '--checks', 'tfa-totp-window-model', '--seed', '7', '--replay', '0:1@abc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--replay takes the path a failing run printed (such as 3:1~ACB:F@59999), not "0:1@abc"',
    );
    expect(result.stdout).toBe('');
  });

  it('--smoke that keeps none of the selected cells is a usage error, not a pass that tested nothing', async () => {
    // desktop-console-login has no cell in the smoke subset (its three cells hash outside it).
    const result = await runCli(['run', '--smoke', '--seed', '7', '--checks', 'desktop-console-login']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--smoke keeps none of the 3 cells of this selection');
    expect(result.stdout).not.toContain('PASS');
    // A shard may hold none of them: the merge judges the whole.
    const shard = await runCli([
      'run',
      '--smoke',
      '--seed',
      '7',
      '--checks',
      'desktop-console-login',
      '--shard',
      '1/2',
    ]);
    expect(shard.code).toBe(0);
  });

  it('mbsc outbox: an address without a scheme is a usage error; a closed port is exit 3', async () => {
    const noScheme = await runCli(['outbox', '--server', 'localhost:8080', '--console-key', 'k']);
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toContain('--server must be a URL such as http://127.0.0.1:50000, not "localhost:8080"');
    const port = await closedPort();
    const closed = await runCli(['outbox', '--server', `http://127.0.0.1:${port}`, '--console-key', 'k']);
    expect(closed.code).toBe(3);
    expect(closed.stderr).toContain(`127.0.0.1:${port}`);
  });

  it('a mistyped profile suggests the model it starts, not another one edit away', async () => {
    const result = await runCli(['run', '--profiles', 'iphone12', '--list']);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('Did you mean "iphone-12-mini"?');
  });

  it('validate --help lists only what validate takes; run --help lists the run-only options too', async () => {
    const validate = await runCli(['validate', '--help']);
    expect(validate.code).toBe(0);
    for (const option of ['--server URL', '--udp-port N', '--reporter', '--quiet', '--list'])
      expect(validate.stdout).toContain(option);
    expect(validate.stdout).not.toMatch(/--editions|--fault/);
    expect((await runCli(['validate', '--fault', 'x'])).code).toBe(2);
    const run = await runCli(['run', '--help']);
    expect(run.stdout).toContain('--editions E,E');
    expect(run.stdout).toContain('--fault NAME,NAME');
    expect(run.stdout).toMatch(/--reporter VALUE .*one of line, list, dot, json/);
  });
});

describe('mbsc run --list', () => {
  it('tests Pro, Lite and Home when --profiles is given without --editions, as the default matrix does', async () => {
    const args = ['--checks', 'run-conditions-model,tfa-registration-secret-strength', '--profiles', 'redmi-note-8'];
    const result = await runCli(['run', '--list', ...args, '--out', '/nonexistent/never']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Columns: pro, redmi-note-8 @ pro, lite, redmi-note-8 @ lite, home, redmi-note-8 @ home',
    );
    expect(loadMatrix().editions).toEqual(DEFAULT_EDITIONS);
  });

  it('prints the checks, columns and cells of a selection without running it', async () => {
    const args = [
      '--checks',
      'run-conditions-model,tfa-registration-secret-strength',
      '--profiles',
      'redmi-note-8,iphone-6s',
    ];
    const result = await runCli(['run', '--list', '--editions', 'pro,home', ...args, '--out', '/nonexistent/never']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^2 checks on 6 columns: 6 cells/);
    expect(result.stdout).toContain('Columns: pro, redmi-note-8 @ pro, iphone-6s @ pro, home, ');
    expect(result.stdout).toMatch(/^ {2}run-conditions-model +RUN +4 cells {2}RUN-01, RUN-03/m);
    expect(result.stdout).toMatch(/^ {2}tfa-registration-secret-strength +TOTP +2 cells {2}TOTP-15$/m);
    expect(result.stdout).not.toMatch(/PASS|FAIL|Reports:|EDITIONS IN TURN/);
    // Three phones of one platform take the two editions in turn; --full-matrix runs every phone on both.
    const three = ['--checks', 'run-conditions-model', '--profiles', 'redmi-note-8,huawei-p10,asus-x00id'];
    const turns = await runCli(['run', '--list', '--editions', 'pro,home', ...three]);
    expect(turns.code, turns.stderr).toBe(0);
    expect(turns.stdout).toMatch(/^ {2}run-conditions-model +RUN +3 cells /m);
    expect(turns.stdout).toMatch(/^EDITIONS IN TURN: 3 of 6 cells, /m);
    const full = await runCli(['run', '--list', '--editions', 'pro,home', ...three, '--full-matrix']);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toMatch(/^ {2}run-conditions-model +RUN +6 cells /m);
    expect(full.stdout).not.toContain('EDITIONS IN TURN');
    // A vendor's server: the edition it runs is the only one listed.
    const validate = await runCli([
      'validate',
      '--list',
      '--server',
      'http://127.0.0.1:9',
      '--udp-port',
      '9',
      '--edition',
      'lite',
      ...args,
    ]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/^2 checks on 3 columns: 3 cells/);
    expect(validate.stdout).toContain('Columns: lite, redmi-note-8 @ lite, iphone-6s @ lite');
  });

  it('names the opt-in checks the selection left out, whose cells the run reports skipped', async () => {
    const args = ['--tags', 'BAK', '--editions', 'home', '--profiles', 'redmi-note-8', '--out', '/nonexistent/never'];
    const result = await runCli(['run', '--list', ...args]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Left out, reported skipped \(1 cell\):$/m);
    expect(result.stdout).toMatch(/^ {2}backup-nemesis-durability: it crashes and restarts a server process/m);
    const asked = await runCli(['run', '--list', ...args, '--tags', 'nemesis']);
    expect(asked.stdout).not.toContain('Left out');
  });
});
