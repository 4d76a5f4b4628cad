/**
 * The kit as a user gets it: `npm pack`, the tarball installed in an empty folder from the npm registry (its
 * run-time dependencies must be `dependencies`, and `files` must hold everything it reads), then `npx mbsc demo`,
 * a small `npx mbsc run`, the Appium driver installed from the installed kit, and a run through it. Slow (the
 * install builds the native SQLite module): it has a file of its own and generous timeouts, and skips, saying why,
 * when the registry cannot be reached.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli-process.js';
import { runCommand } from '../helpers/run-command.js';
import { tempDir } from '../helpers/test-server.js';

const INSTALL_TIMEOUT_MS = 20 * 60_000;
const dir = tempDir('mbsc-package-');
const project = path.join(dir, 'project');
let unavailable: string | undefined;

// The installed project holds some 650 packages: removing them takes a while on a busy disk.
afterAll(() => rmSync(dir, { recursive: true, force: true }), 600_000);

beforeAll(async () => {
  const ping = await runCommand('npm', ['ping'], { cwd: dir, timeoutMs: 60_000 });
  if (ping.code !== 0) {
    unavailable = `the npm registry cannot be reached (npm ping: ${(ping.stderr || ping.stdout).trim().slice(-300)})`;
    return;
  }
  // dist/ was just built by the tests' global setup, so the pack skips the prepack build.
  const pack = await runCommand('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: REPO_ROOT,
    timeoutMs: 120_000,
  });
  expect(pack.code, pack.stderr).toBe(0);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-mbsc', private: true }));
  // --prefer-offline: what npm's cache holds (the kit's own npm ci filled it) is not asked for again.
  const install = await runCommand(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, filename)],
    {
      cwd: project,
      timeoutMs: INSTALL_TIMEOUT_MS,
    },
  );
  expect(install.code, install.stderr.slice(-3000)).toBe(0);
}, INSTALL_TIMEOUT_MS + 180_000);

const npx = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
  runCommand('npx', ['--no-install', ...args], { cwd: project, timeoutMs: 240_000, env });

const summaryOf = (out: string) =>
  JSON.parse(readFileSync(path.join(project, out, 'summary.json'), 'utf8')) as {
    verdict: string;
    requirements: { id: string; verdict: string }[];
  };

const ONE_CELL = ['--editions', 'pro', '--profiles', 'redmi-note-8', '--runs', '3', '--seed', '7'];

describe('the kit packed with npm pack and installed from the tarball', () => {
  it('runs npx mbsc demo: pairs, backs up, restores byte-identical, discovers', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const demo = await npx(['mbsc', 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Restored \S+: byte-identical/);
    expect(demo.stdout).toMatch(/UDP discovery found it: pro at 127\.0\.0\.1:\d+/);
  });

  it('runs a small npx mbsc run to a pass, with its reports and the viewer', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const checks = 'editions-pro-features,sources-at-least-one';
    const run = await npx(['mbsc', 'run', '--checks', checks, ...ONE_CELL, '--out', 'out']);
    expect(run.code, run.stderr).toBe(0);
    const summary = summaryOf('out');
    expect(summary.verdict).toBe('pass');
    expect(summary.requirements.find((r) => r.id === 'EDN-01')?.verdict).toBe('pass');
    // The HTML viewer's assets come from the package's files, inlined in the report.
    expect(readFileSync(path.join(project, 'out', 'index.html'), 'utf8')).toContain('<script');
  });

  it('installs the Appium driver from the installed kit and runs a screens check through Appium', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const home = path.join(dir, 'appium-home');
    const env = { APPIUM_HOME: home, npm_config_prefix: path.join(home, 'npm-global') };
    mkdirSync(path.join(home, 'npm-global', 'lib', 'node_modules'), { recursive: true });
    const driver = path.join(project, 'node_modules', 'mbsc', 'devices', 'appium-driver');
    const install = await npx(['appium', 'driver', 'install', '--source=local', driver], env);
    expect(install.code, install.stderr).toBe(0);
    const list = await npx(['appium', 'driver', 'list', '--installed', '--json'], env);
    expect(JSON.parse(list.stdout)).toMatchObject({ 'mbs-simulator': { installed: true, installPath: driver } });

    const checks = 'settings-pages-and-menus-screens';
    const run = await npx(['mbsc', 'run', '--via', 'appium', '--checks', checks, ...ONE_CELL, '--out', 'out-appium']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain('through Appium at http://127.0.0.1:');
    expect(summaryOf('out-appium').verdict).toBe('pass');
  });
});
