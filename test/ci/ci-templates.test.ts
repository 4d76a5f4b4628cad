/**
 * The CI templates in ci/ are YAML a user copies: they must parse, call only commands and options the CLI defines
 * (read from the command definitions, so renaming an option fails here), publish reports even on failure, never
 * swallow the exit code, and shard the way `--shard` and `mbsc merge` expect.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Command } from '../../cli/command.js';
import { mergeCommand } from '../../cli/commands/merge.js';
import { runCommandOf } from '../../cli/commands/run.js';
import { parseShard } from '../../conformance/runner/shard.js';
import { REPO_ROOT } from '../helpers/cli-process.js';

const COMMANDS: Record<string, Command> = {
  run: runCommandOf('run') as unknown as Command,
  validate: runCommandOf('validate') as unknown as Command,
  merge: mergeCommand as unknown as Command,
};
const MBSC = 'node dist/cli/bin.js';

type Job = Record<string, unknown>;
const load = (file: string) => parse(readFileSync(path.join(REPO_ROOT, 'ci', file), 'utf8')) as Record<string, Job>;
const github = load('github/mbsc-conformance.yml');
const gitlab = load('gitlab/mbsc-conformance.gitlab-ci.yml');
const githubJobs = github.jobs as Record<string, { steps: Job[]; [key: string]: unknown }>;

/** Every `mbsc` invocation in a script: the command and the rest of its line. */
function invocations(script: string): { command: string; args: string }[] {
  return script.split('\n').flatMap((line) => {
    const at = line.indexOf(`${MBSC} `);
    if (at < 0) return [];
    const [command = '', ...rest] = line.slice(at + MBSC.length + 1).split(' ');
    return [{ command, args: rest.join(' ') }];
  });
}
const optionsIn = (args: string) => [...args.matchAll(/(?:^|[\s+])--([a-z][a-z0-9-]*)/g)].map((m) => m[1] as string);

const githubScripts = Object.entries(githubJobs).flatMap(([job, j]) =>
  j.steps.filter((s) => typeof s.run === 'string').map((s) => ({ job, step: s, script: s.run as string })),
);
const gitlabScripts = Object.entries(gitlab)
  .filter(([, job]) => typeof job === 'object' && job !== null && ('script' in job || 'before_script' in job))
  .flatMap(([job, j]) =>
    [...((j.before_script as string[]) ?? []), ...((j.script as string[]) ?? [])].map((script) => ({ job, script })),
  );

describe.each([
  ['GitHub Actions', githubScripts],
  ['GitLab CI', gitlabScripts],
])('%s template', (_name, scripts) => {
  const calls = scripts.flatMap((s) => invocations(s.script).map((call) => ({ ...call, job: s.job })));

  it('calls run or validate, and merge', () => {
    const used = new Set(calls.map((c) => c.command));
    expect(used.has('merge')).toBe(true);
    expect(used.has('validate') || used.has('run')).toBe(true);
  });

  it('calls only commands and options the CLI defines, each string option with a value', () => {
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const command = COMMANDS[call.command];
      expect(command, `${call.job}: mbsc ${call.command}`).toBeDefined();
      for (const option of optionsIn(call.args)) {
        const spec = command?.options[option];
        expect(spec, `${call.job}: mbsc ${call.command} --${option}`).toBeDefined();
        if (spec?.type === 'string') expect(call.args).toMatch(new RegExp(`--${option}[ =](?!-)\\S`));
      }
    }
  });

  it('never swallows the exit code', () => {
    for (const s of scripts) expect(s.script, s.job).not.toMatch(/\|\|\s*(true|:|exit 0)|set \+e/);
  });

  it('gives every shard of one pipeline the same seed', () => {
    for (const call of calls.filter((c) => /--shard/.test(c.args))) expect(call.args).toContain('--seed "$MBSC_SEED"');
  });
});

describe('GitHub Actions workflow', () => {
  it('publishes reports/out/ even when the run fails, and does not ignore a failing step', () => {
    for (const [name, job] of Object.entries(githubJobs)) {
      const uploads = job.steps.filter((s) => String(s.uses).startsWith('actions/upload-artifact@'));
      expect(uploads.length, name).toBeGreaterThan(0);
      for (const upload of uploads) {
        expect(upload.if, name).toMatch(/always\(\)/);
        expect((upload.with as { path: string }).path).toMatch(/reports\/out\//);
      }
      expect(
        job.steps.some((s) => s['continue-on-error'] === true),
        name,
      ).toBe(false);
      expect(job['continue-on-error'], name).toBeUndefined();
    }
  });

  it('shards by the matrix into valid, complete --shard values, then merges after every shard', () => {
    const shard = githubJobs.shard as { strategy: { matrix: { index: number[] } }; steps: Job[] };
    const indexes = shard.strategy.matrix.index;
    expect(indexes).toEqual(indexes.map((_, i) => i + 1));
    const runs = shard.steps.filter((s) => typeof s.run === 'string' && (s.run as string).includes(MBSC));
    expect(runs.length).toBeGreaterThan(0);
    for (const step of runs) {
      for (const index of indexes) {
        const line = (step.run as string).replaceAll('${{ matrix.index }}', String(index));
        const value = /--shard (\S+)/.exec(line)?.[1] ?? 'no --shard';
        expect(parseShard(value)).toEqual({ index, count: indexes.length });
        expect(line).toContain(`--out reports/out/shard-${index}`);
      }
    }
    const merge = githubJobs.merge as unknown as { needs: string; if: string };
    expect(merge.needs).toBe('shard');
    expect(merge.if).toMatch(/always\(\)/);
  });
});

describe('GitLab CI template', () => {
  const jobs = gitlab as Record<string, Job>;

  it('keeps reports as artifacts even when the job fails, and never allows failure', () => {
    for (const name of ['mbsc-conformance', 'mbsc-shard', 'mbsc-merge']) {
      const job = jobs[name] as { artifacts: { when: string; paths: string[] }; allow_failure?: unknown };
      expect(job.artifacts.when, name).toBe('always');
      expect(job.allow_failure, name).toBeUndefined();
    }
    expect(jobs['mbsc-conformance']?.artifacts).toMatchObject({ paths: ['mbsc-kit/reports/out/'] });
  });

  it('shards a parallel job by CI_NODE_INDEX/CI_NODE_TOTAL and merges where the shards are kept', () => {
    const shard = jobs['mbsc-shard'] as { parallel: number; extends: string; artifacts: { paths: string[] } };
    expect(shard.parallel).toBeGreaterThan(1);
    const script = ((jobs[shard.extends] as { script: string[] }).script ?? []).join('\n');
    expect(script).toContain('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    for (let index = 1; index <= shard.parallel; index++) {
      expect(parseShard(`${index}/${shard.parallel}`)).toEqual({ index, count: shard.parallel });
    }
    expect(script).toContain('../mbsc-shards/shard-$CI_NODE_INDEX');
    expect(shard.artifacts.paths).toEqual(['mbsc-shards/']);
    const merge = jobs['mbsc-merge'] as { needs: { job: string }[]; rules: { when?: string }[]; script: string[] };
    expect(merge.needs.map((n) => n.job)).toEqual(['mbsc-shard']);
    expect(merge.rules[0]?.when).toBe('always');
    expect(merge.script.join('\n')).toContain(`${MBSC} merge ../mbsc-shards/*`);
  });
});
