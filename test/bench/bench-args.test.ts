/**
 * Every benchmark answers --help with its usage, and refuses a flag it does not take with the usage and exit 2
 * before it measures anything; they ended in a stack trace before (bench:suite, bench:load, bench:validate,
 * bench:nemesis), or ran whole (bench:console, bench:appium) when asked for help.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli-process.js';

const BENCHES = ['load/bench-load', 'nemesis/bench-nemesis', 'validate/bench-validate', 'suite/bench-suite'];
const HELP_ONLY = ['determinism/bench-determinism', 'console/bench-console', 'appium/bench-appium'];

const run = (bench: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/bench', `${bench}.js`), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('a benchmark command line', () => {
  it.each([...BENCHES, ...HELP_ONLY])('%s --help prints its usage and exits 0', (bench) => {
    const result = run(bench, ['--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run bench:/);
  });

  it.each([...BENCHES, 'console/bench-console'])('%s refuses an unknown flag with exit 2', (bench) => {
    const result = run(bench, ['--no-such-flag']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--no-such-flag'[\s\S]*Usage: npm run bench:/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
