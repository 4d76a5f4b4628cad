/**
 * ci/runner/Dockerfile, the runner as an image. Read here: its build compiles every folder the kit's build does, and
 * its final stage holds everything package.json publishes. Built and run where a container runtime (docker or
 * podman) exists; skipped, saying why, where none does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli-process.js';
import { runCommand } from '../helpers/run-command.js';

const DOCKERFILE = path.join('ci', 'runner', 'Dockerfile');
const text = readFileSync(path.join(REPO_ROOT, DOCKERFILE), 'utf8');
const [buildStage = '', finalStage = ''] = text.split(/^FROM .*$/m).slice(1);

/** Sources of the COPY lines of a stage (the last word is the destination). */
const copied = (stage: string): string[] =>
  [...stage.matchAll(/^COPY (?:--from=\S+ )?(.+)$/gm)].flatMap((m) => (m[1] as string).split(' ').slice(0, -1));

/** A container tool that can build here: `info` answers only when its engine does (a docker CLI alone does not). */
const runtime = ['docker', 'podman'].find((tool) => spawnSync(tool, ['info'], { timeout: 30_000 }).status === 0);

describe('the runner image (ci/runner/Dockerfile)', () => {
  it('builds in a stage of its own on Node 24 LTS and runs on the same', () => {
    expect(text.match(/^FROM node:24-bookworm-slim( AS build)?$/gm)).toEqual([
      'FROM node:24-bookworm-slim AS build',
      'FROM node:24-bookworm-slim',
    ]);
    expect(buildStage).toContain('RUN npm run build && npm prune --omit=dev');
  });

  it('copies the script npm run build runs', () => {
    const build = (
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }
    ).scripts.build;
    const script = /^node (\S+)$/.exec(build)?.[1];
    expect(script).toBeDefined();
    expect(copied(buildStage)).toContain(script);
  });

  it('compiles every folder that tsconfig.build.json includes', () => {
    const { include } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    expect(copied(buildStage)).toEqual(expect.arrayContaining([...include, 'tsconfig.json', 'tsconfig.build.json']));
  });

  it('holds everything package.json publishes in its final stage, and mbsc on the PATH', () => {
    const { files } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
    const sources = copied(finalStage).map((s) => s.replace(/^\/mbsc\//, ''));
    for (const entry of files.filter((f) => !f.startsWith('!'))) {
      const folder = entry.replace(/\/\*[^/]*$/, '');
      expect(
        sources.some((s) => entry === s || entry.startsWith(`${s}/`) || folder === s),
        entry,
      ).toBe(true);
    }
    expect(sources).toEqual(expect.arrayContaining(['node_modules', 'package.json']));
    expect(finalStage).toContain('ln -s /mbsc/dist/cli/bin.js /usr/local/bin/mbsc');
  });

  it('installs Chromium in its final stage, for the checks of the desktop web console', () => {
    expect(finalStage).toMatch(/apt-get install -y --no-install-recommends chromium-headless-shell/);
  });

  it(
    'builds, and its mbsc answers --version and exits 3 on an unreachable server',
    async (ctx) => {
      if (!runtime)
        ctx.skip(
          'no container runtime: neither docker nor podman can reach an engine here (`info` fails), so the image is not built',
        );
      const tool = runtime as string;
      const tag = 'mbsc-runner-test';
      const build = await runCommand(tool, ['build', '-f', DOCKERFILE, '-t', tag, '.'], {
        cwd: REPO_ROOT,
        timeoutMs: 30 * 60_000,
      });
      expect(build.code, build.stderr.slice(-3000)).toBe(0);
      const version = await runCommand(tool, ['run', '--rm', tag, 'mbsc', '--version'], {
        cwd: REPO_ROOT,
        timeoutMs: 120_000,
      });
      const { version: kitVersion } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(version.stdout).toContain(kitVersion);
      const args = ['validate', '--server', 'http://127.0.0.1:1', '--udp-port', '1', '--edition', 'pro'];
      const unreachable = await runCommand(tool, ['run', '--rm', tag, 'mbsc', ...args], {
        cwd: REPO_ROOT,
        timeoutMs: 300_000,
      });
      expect(unreachable.code, unreachable.stderr).toBe(3);
    },
    40 * 60_000,
  );
});
