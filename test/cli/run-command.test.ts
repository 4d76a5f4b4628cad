/**
 * `mbsc run` and `mbsc validate` as a CI job runs them: verdicts, reports, and a distinct exit code per problem. On a
 * run with advisory findings only, one with a MUST failure, one where nothing applied and one whose target cannot be
 * reached, every report (console, summary.json, junit.xml, allure-results/, index.html) renders the same verdicts.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';
import { expectReportsAgree, readReports } from '../reports/report-agreement.js';

const dir = tempDir('mbsc-run-cli-');
let garbage: Server;
let garbagePort = 0;
let untyped: Server;
let untypedPort = 0;
beforeAll(async () => {
  // One says JSON and sends HTML; the other sends it with no type at all (the client names either).
  garbage = createServer((_req, res) => res.setHeader('content-type', 'application/json').end('<html>not JSON</html>'));
  untyped = createServer((_req, res) => res.end('<html>not a backup server</html>'));
  await new Promise<void>((r) => untyped.listen(0, '127.0.0.1', () => r()));
  untypedPort = (untyped.address() as { port: number }).port;
  await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', () => r()));
  garbagePort = (garbage.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((r) => garbage.close(() => r()));
  await new Promise<void>((r) => untyped.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const out = (name: string) => path.join(dir, name);
const summaryOf = (name: string) => JSON.parse(readFileSync(path.join(out(name), 'summary.json'), 'utf8'));
const verdicts = (name: string, ids: string[]) =>
  Object.fromEntries(
    ids.map((id) => [id, summaryOf(name).requirements.find((r: { id: string }) => r.id === id).verdict]),
  );
/** `mbsc validate` of the Pro server at `port` on 127.0.0.1, one phone, its reports in `out(name)`. */
const validateAt = (port: number, name: string) =>
  runCli([
    ...['validate', '--server', `http://127.0.0.1:${port}`, '--udp-port', '9', '--edition', 'pro'],
    ...['--profiles', 'redmi-note-8', '--out', out(name)],
  ]);
const ONE_PHONE_ON_PRO = ['--profiles', 'redmi-note-8', '--editions', 'pro', '--seed', '7'];

describe('mbsc run', () => {
  it('runs the reference target, prints progress and writes every report', async () => {
    const result = await runCli(
      [
        'run',
        '--checks',
        'run-conditions-model',
        '--profiles',
        'redmi-note-8,iphone-6s',
        '--editions',
        'pro',
        '--runs',
        '5',
        '--seed',
        '7',
        '--out',
        out('ok'),
        '--reporter',
        'list',
      ],
      120_000,
    );
    expect(result.stderr).toContain('run-conditions-model  redmi-note-8 @ pro');
    // The list names the cells that ran; the skipped ones are counted, never listed.
    expect(result.stderr).toMatch(/^Testing .*, seed 7: 1 checks on 3 columns, 2 cells$/m);
    expect(result.stderr).not.toMatch(/\] skipped /);
    expect(result.stdout).toMatch(/^PASS: /m);
    expect(result.code).toBe(0);
    for (const file of ['summary.json', 'junit.xml', 'index.html'])
      expect(existsSync(path.join(out('ok'), file)), file).toBe(true);
    const summary = summaryOf('ok');
    expect(summary).toMatchObject({
      verdict: 'pass',
      seed: 7,
      columns: ['pro', 'redmi-note-8 @ pro', 'iphone-6s @ pro'],
    });
    expect(summary.requirements.find((r: { id: string }) => r.id === 'RUN-04').verdict).toBe('pass');
  });
});

describe('every report renders the one derivation of verdicts', () => {
  it('advisory findings only: PASS and exit 0, no failure anywhere, MUST rows sharing their check passed', async () => {
    // migration-2fa-repair covers MIG-06..08 (MUST) and MIG-09 (ADVISORY), which the reference server does not meet.
    const checks = 'migration-2fa-repair,tfa-registration-secret-strength';
    const args = ['run', '--checks', checks, ...ONE_PHONE_ON_PRO, '--out', out('advisory'), '--reporter', 'list'];
    const result = await runCli(args, 120_000);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^PASS: 3 passed, 0 failed, 2 advisory, 0 errored/m);
    expect(result.stdout).toContain('  ADVISORY MIG-09 ');
    expect(result.stdout).toContain('  ADVISORY TOTP-15 ');
    expect(result.stdout).not.toMatch(/^ {2}FAIL /m);
    expect(result.stderr).toMatch(/\] advisory migration-2fa-repair {2}redmi-note-8 @ pro/);
    expect(result.stderr).not.toMatch(/\] fail /);
    const names = ['MIG-06', 'MIG-07', 'MIG-08', 'MIG-09', 'TOTP-15'];
    expect(verdicts('advisory', names)).toEqual({
      'MIG-06': 'pass',
      'MIG-07': 'pass',
      'MIG-08': 'pass',
      'MIG-09': 'advisory',
      'TOTP-15': 'advisory',
    });
    const reports = readReports(out('advisory'));
    expect(reports.summary.verdict).toBe('pass');
    expect(expectReportsAgree(reports)).toMatchObject({ advisory: 2, fail: 0, error: 0 });
    const mig06 = reports.data.matrix.rows.find((r) => r.id === 'MIG-06')!;
    expect(mig06.cells.map((c) => c.verdict)).toEqual(['untested', 'pass']);
  });

  it('a MUST failure beside an advisory finding: FAIL and exit 1, the advisory still no failure', async () => {
    const args = [
      '--fault',
      'backup-below-30-percent',
      '--checks',
      'run-conditions-model,tfa-registration-secret-strength',
    ];
    const result = await runCli(['run', ...args, ...ONE_PHONE_ON_PRO, '--runs', '100', '--out', out('must')], 120_000);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^FAIL: /m);
    expect(result.stdout).toMatch(/^ {2}FAIL RUN-03 /m);
    // The failing cell is printed once as it ends, with its replay command; the closing summary names it again.
    expect(result.stderr.match(/^ {2}FAIL .*RUN-03.* · run-conditions-model \[redmi-note-8 @ pro\]: /gm)).toHaveLength(
      1,
    );
    expect(result.stderr).toMatch(/^ {6}Replay: mbsc run .*--checks run-conditions-model .*--replay /m);
    expect(result.stdout).toMatch(/^ {2}FAIL RUN-03 .*\n(?: {2}FAIL .*\n)*? {4}Replay: mbsc run .*--replay /m);
    expect(result.stderr).not.toMatch(/^ {2}(FAIL|ADVISORY) TOTP-15/m);
    expect(result.stdout).toMatch(/^ {2}ADVISORY TOTP-15 /m);
    expect(verdicts('must', ['RUN-03', 'TOTP-15'])).toEqual({ 'RUN-03': 'fail', 'TOTP-15': 'advisory' });
    const reports = readReports(out('must'));
    expect(reports.summary.verdict).toBe('fail');
    expect(expectReportsAgree(reports)).toMatchObject({ fail: 1, advisory: 1, error: 0 });
    expect(reports.junit).toMatchObject({ failures: 1, errors: 0 });
  });

  it('nothing applicable: ERROR and exit 1, with the reason in every report, never a PASS of nothing', async () => {
    const args = ['run', '--checks', 'tfa-registration-secret-strength', '--editions', 'home', '--out', out('none')];
    const result = await runCli(args, 120_000);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^ERROR: .*\n(?: {2}.*\n)*? {2}ERROR nothing applicable ran/m);
    const reports = readReports(out('none'));
    expect(reports.summary).toMatchObject({ verdict: 'error', reason: expect.stringMatching(/^nothing applicable/) });
    expect(expectReportsAgree(reports)).toMatchObject({ skipped: 1, error: 0 });
    expect(reports.junit).toEqual({ tests: 2, failures: 0, errors: 1, skipped: 1 });
  });
});

describe('mbsc validate: bad targets and bad input', () => {
  it('an unreachable server: exit 3, ERROR in every report with why, each applicable cell an error', async () => {
    const result = await runCli([
      'validate',
      '--server',
      'http://127.0.0.1:9',
      '--udp-port',
      '9',
      '--edition',
      'pro',
      '--profiles',
      'redmi-note-8',
      '--out',
      out('down'),
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/127\.0\.0\.1:9/);
    expect(result.stdout).toMatch(/^ERROR: 0 passed, 0 failed, 0 advisory, \d+ errored/m);
    const reports = readReports(out('down'));
    const { summary } = reports;
    expect(summary).toMatchObject({
      verdict: 'error',
      reason: expect.stringMatching(/^the target could not be tested/),
    });
    expect(summary.totals).toMatchObject({ passed: 0, failed: 0, advisory: 0 });
    expect(summary.totals.errored).toBeGreaterThan(0);
    const errored = summary.requirements.filter((r) => r.verdict === 'error');
    for (const r of errored) expect(r.reason).toMatch(/^the target could not be tested: .*127\.0\.0\.1:9/);
    const counts = expectReportsAgree(reports);
    expect(counts).toMatchObject({ pass: 0, fail: 0, advisory: 0 });
    expect(counts.error).toBeGreaterThan(0);
    expect(reports.junit.errors).toBe(counts.error);
    expect(reports.data.errors).toHaveLength(1);
  });

  it('a server that answers garbage: exit 4', async () => {
    const result = await validateAt(garbagePort, 'garbage');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('getInfo: the answer is not JSON');
    expect(summaryOf('garbage').verdict).toBe('error');
  });

  it('a server that answers without a media type: exit 4, naming what the protocol gives', async () => {
    const result = await validateAt(untypedPort, 'untyped');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(
      'getInfo: the answer has no Content-Type, where the protocol gives application/json',
    );
    expect(summaryOf('untyped').verdict).toBe('error');
  });

  it('an unknown requirement id: exit 6 with the nearest id', async () => {
    const result = await runCli(['run', '--requirements', 'RUN-3', '--out', out('unknown')]);
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('Did you mean "RUN-03"?');
  });

  it('a config file with unknown keys: exit 5, every problem named, before anything starts', async () => {
    const config = path.join(dir, 'bad-config.json');
    writeFileSync(config, JSON.stringify({ sed: 1, runs: 'many', editions: ['pro', 'enterprise'] }));
    const result = await runCli(['run', '--config', config, '--out', out('config')]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('sed: unknown key. Did you mean "seed"?');
    expect(result.stderr).toContain('runs:');
    expect(result.stderr).toContain('editions[1]');
    expect(existsSync(out('config'))).toBe(false);
  });

  it('an unreadable devices file: exit 7', async () => {
    const result = await runCli(['run', '--devices', path.join(dir, 'missing.json'), '--out', out('devices')]);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('missing.json');
  });
});
