/**
 * `node dist/ci/job-summary.js`, as the CI templates call it: appends the job summary of a summary.json to a file
 * (GitHub's $GITHUB_STEP_SUMMARY) or prints it; says so in the markdown and on stderr when there is no valid summary.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli-process.js';
import { runCommand } from '../helpers/run-command.js';
import { tempDir } from '../helpers/test-server.js';
import { sampleSummary } from '../reports/sample-summary.js';
import { jobSummaryMarkdown } from '../../reports/markdown/job-summary.js';

const dir = tempDir('mbsc-job-summary-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCRIPT = path.join(REPO_ROOT, 'dist', 'ci', 'job-summary.js');
const jobSummary = (args: readonly string[]) =>
  runCommand(process.execPath, [SCRIPT, ...args], { cwd: dir, timeoutMs: 60_000 });

describe('the job summary script', () => {
  const file = path.join(dir, 'summary.json');
  writeFileSync(file, JSON.stringify(sampleSummary()));

  it('appends the markdown to --out, keeping what the file held', async () => {
    const out = path.join(dir, 'step-summary.md');
    writeFileSync(out, 'earlier step\n');
    const result = await jobSummary([file, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`earlier step\n${jobSummaryMarkdown(sampleSummary())}`);
  });

  it('prints the markdown without --out', async () => {
    const result = await jobSummary([file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(jobSummaryMarkdown(sampleSummary()));
  });

  it('writes "no results" and exits 1 when the summary is missing or invalid', async () => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ verdict: 'pass' }));
    for (const name of ['missing.json', 'bad.json']) {
      const result = await jobSummary([path.join(dir, name)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('job-summary: summary-invalid:');
      expect(result.stdout).toMatch(/^## mbsc conformance: no results\n/);
    }
  });

  it('is a usage error (exit 2) without exactly one file, or with an unknown option', async () => {
    for (const args of [[], [file, file], [file, '--bogus']]) {
      const result = await jobSummary(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: node dist/ci/job-summary.js SUMMARY.json [--out FILE]');
    }
  });
});
