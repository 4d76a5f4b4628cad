/**
 * The CI templates in ci/ are YAML a user copies: they must parse, call only commands and options the CLI defines
 * (read from the command definitions, so renaming an option fails here), publish reports even on failure, never
 * swallow the exit code, and shard the way `--shard` and `mbsc merge` expect.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Command } from '../../cli/command.js';
import { mergeCommand } from '../../cli/commands/merge.js';
import { runCommandOf } from '../../cli/commands/run.js';
import { parseShard } from '../../conformance/runner/shard.js';
import { REPO_ROOT } from '../helpers/cli-process.js';
import { runCommand } from '../helpers/run-command.js';
import { tempDir } from '../helpers/test-server.js';

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

  it('replays the corpus in a job of its own, keeping its reports', () => {
    const corpus = calls.filter((c) => c.command === 'run' && optionsIn(c.args).includes('corpus'));
    expect(corpus).toHaveLength(1);
    expect(corpus[0]!.args).toMatch(/--corpus "\$MBSC_CORPUS" --out reports\/out$/);
  });

  it('never swallows the exit code', () => {
    for (const s of scripts) expect(s.script, s.job).not.toMatch(/\|\|\s*(true|:|exit 0)|set \+e/);
  });

  it('passes the expected-failures input to every run and validate but the corpus replay, whose entries say it', () => {
    const runs = calls.filter(
      (c) => (c.command === 'run' || c.command === 'validate') && !optionsIn(c.args).includes('corpus'),
    );
    expect(runs.length).toBeGreaterThan(0);
    for (const call of runs)
      expect(call.args, call.job).toMatch(/\$\{MBSC_EXPECTED_FAILURES:\+--expected-failures "\$/);
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

  it("installs on Node 24 LTS with npm cached on the kit's lockfile", () => {
    for (const [name, job] of Object.entries(githubJobs)) {
      const setups = job.steps.filter((s) => String(s.uses).startsWith('actions/setup-node@'));
      expect(
        setups.map((s) => s.with),
        name,
      ).toEqual([{ 'node-version': 24, cache: 'npm', 'cache-dependency-path': 'mbsc-kit/package-lock.json' }]);
    }
  });

  it('writes the job summary from summary.json after the run and after the merge, whatever their result', () => {
    for (const name of ['conformance', 'merge']) {
      const steps = githubJobs[name]?.steps ?? [];
      const summary = steps.find((s) => String(s.run).includes('dist/ci/job-summary.js'));
      expect(summary?.run, name).toBe(
        'node dist/ci/job-summary.js reports/out/summary.json --out "$GITHUB_STEP_SUMMARY"',
      );
      expect(summary?.if, name).toMatch(/always\(\)/);
      const runs = steps.findIndex((s) => String(s.run).includes(MBSC));
      expect(steps.indexOf(summary as Job), name).toBeGreaterThan(runs);
    }
  });

  it('checks out the expected-failures file of the calling repository where the runs read it', () => {
    const env = github.env as unknown as Record<string, string>;
    expect(env.MBSC_EXPECTED_FAILURES).toContain(
      "format('{0}/caller/{1}', github.workspace, inputs.expected-failures)",
    );
    for (const name of ['conformance', 'shard']) {
      const checkout = githubJobs[name]?.steps.find(
        (s) => (s.with as { path?: string } | undefined)?.path === 'caller',
      );
      expect(checkout?.with, name).toMatchObject({ 'sparse-checkout': '${{ inputs.expected-failures }}' });
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

  it('checks out the kit at a pinned commit SHA', async () => {
    const kit = jobs['.mbsc-kit'] as { before_script: string[] };
    const fetchLines = kit.before_script.slice(
      0,
      kit.before_script.findIndex((l) => l.startsWith('npm ci')),
    );
    expect(fetchLines.join('\n')).toContain('git fetch --depth 1 origin "$MBSC_KIT_REF"');
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dir = tempDir('mbsc-gitlab-fetch-');
    try {
      const env = { MBSC_KIT_REPOSITORY: `file://${REPO_ROOT}`, MBSC_KIT_REF: sha };
      const fetched = await runCommand(`set -e\n${fetchLines.join('\n')}\ngit rev-parse HEAD`, [], {
        cwd: dir,
        shell: true,
        timeoutMs: 120_000,
        env,
      });
      expect(fetched.code, fetched.stderr).toBe(0);
      expect(fetched.stdout.trim().split('\n').at(-1)).toBe(sha);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("installs on Node 24 LTS with npm's cache kept between pipelines", () => {
    const kit = jobs['.mbsc-kit'] as { image: string; cache: { paths: string[] }; before_script: string[] };
    expect(kit.image).toBe('node:24-bookworm');
    expect(kit.cache.paths).toEqual(['.npm/']);
    expect(kit.before_script).toContain('npm ci --cache "$CI_PROJECT_DIR/.npm" --prefer-offline && npm run build');
  });

  it('prints the job summary after the single run and after the merge', () => {
    const summary = jobs['.mbsc-summary'] as { after_script: string[] };
    expect(summary.after_script[0]).toContain('node mbsc-kit/dist/ci/job-summary.js mbsc-kit/reports/out/summary.json');
    for (const name of ['mbsc-conformance', 'mbsc-merge']) expect(jobs[name]?.extends, name).toContain('.mbsc-summary');
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
