/** `--reporter json` and `--quiet` as a CI job uses them: stdout is the summary alone, or the verdict alone. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../conformance/runner/summary-schema.js';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-console-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RUN = ['run', '--checks', 'tfa-registration-secret-strength', '--editions', 'pro', '--seed', '5', '--out', dir];

describe('console options', () => {
  it('--reporter json prints summary.json on stdout and the closing text on stderr; --quiet silences stderr', async () => {
    const json = await runCli([...RUN, '--reporter', 'json'], 120_000);
    expect(json.code, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout) as Summary;
    expect(summary).toMatchObject({ verdict: 'pass', seed: 5 });
    expect(summary.requirements.find((r) => r.id === 'TOTP-15')?.verdict).toBe('advisory');
    expect(json.stderr).toMatch(/^PASS: 0 passed, 0 failed, 1 advisory/m);
    expect(json.stderr).not.toMatch(/^Testing /m);
    const quiet = await runCli([...RUN, '--reporter', 'json', '--quiet'], 120_000);
    expect(quiet.stderr).toBe('');
    expect((JSON.parse(quiet.stdout) as Summary).verdict).toBe('pass');
  });

  it('--quiet prints only the closing summary: no opening line, no progress', async () => {
    const quiet = await runCli([...RUN, '--quiet'], 120_000);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^PASS: /);
    expect(quiet.stdout).toContain('  ADVISORY TOTP-15 ');
  });
});
