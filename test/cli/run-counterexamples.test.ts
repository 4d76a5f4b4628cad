/**
 * `mbsc run --fault` as a user runs it: a faulty reference server caught by a one-shot check gives a failure whose
 * summary.json entry holds the HTTP exchanges, the violating request last, secrets masked; the console and
 * junit.xml show them too.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../conformance/runner/summary-schema.js';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-counterexamples-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mbsc run --fault', () => {
  it('reports the exchanges that showed the violation in summary.json, on the console and in junit.xml', async () => {
    const args = ['run', '--fault', 'two-factor-on-home', '--checks', 'editions-home-refuses-2fa'];
    const result = await runCli([...args, '--editions', 'home', '--seed', '3', '--out', dir], 120_000);
    expect(result.code, result.stderr).toBe(1);
    const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as Summary;
    const failure = summary.checks[0]!.cells[0]!.failure!;
    expect(failure.message).toBe('getTwoFactor on Home: console-unauthorized, not 2fa-not-supported');
    const last = failure.exchanges!.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', path: '/v1/console/2fa', status: 401 });
    expect(last.responseBody).toContain('"code":"console-unauthorized"');
    // No key of any kind reaches the summary unmasked.
    for (const exchange of failure.exchanges!) {
      for (const name of ['x-mbs-console-key', 'authorization']) {
        if (exchange.requestHeaders[name] !== undefined) expect(exchange.requestHeaders[name]).toMatch(/\[masked/);
      }
    }
    // The console printed the failure as it happened, naming the violating request; the closing summary its replay.
    expect(result.stderr).toMatch(/FAIL .* · editions-home-refuses-2fa \[home\]: getTwoFactor on Home/);
    expect(result.stderr).toMatch(/Last exchanges: .*GET \/v1\/console\/2fa → 401/);
    expect(result.stdout).toMatch(/^ {4}Replay: mbsc run .*--checks editions-home-refuses-2fa/m);
    // With --quiet nothing printed it live: the closing summary carries the counterexample in full.
    const quiet = await runCli([...args, '--editions', 'home', '--seed', '3', '--out', dir, '--quiet'], 120_000);
    expect(quiet.code, quiet.stderr).toBe(1);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('Counterexamples:\n  editions-home-refuses-2fa [home]: getTwoFactor on Home');
    expect(quiet.stdout).toContain('GET /v1/console/2fa → 401');
    expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toContain('GET /v1/console/2fa → 401');
  });
});
