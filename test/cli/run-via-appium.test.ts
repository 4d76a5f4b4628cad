/**
 * `mbsc run --via appium`: the checks of the app's screens go over WebDriver through a real Appium 3 server the kit
 * starts with its simulator driver; on the same seed the verdicts equal those of the run in process.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-via-appium-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const selection = [
  '--checks',
  'run-conditions-low-battery-message-screens,tfa-registration-push-approval-screens,tfa-registration-without-camera-screens,run-conditions-model,run-conditions-model-screens',
  '--profiles',
  'samsung-galaxy-a12,iphone-6s',
  '--editions',
  'pro,home',
  '--seed',
  '11',
  '--runs',
  '10',
];

interface Summary {
  target: { description: string };
  requirements: { id: string; verdict: string }[];
  checks: { checkId: string; cells: { column: string; verdict: string; runs: number }[] }[];
}
const summaryOf = (name: string): Summary =>
  JSON.parse(readFileSync(path.join(dir, name, 'summary.json'), 'utf8')) as Summary;
const cells = (s: Summary) =>
  s.checks.flatMap((c) => c.cells.map((x) => `${c.checkId} ${x.column} ${x.verdict} ${x.runs}`));

/**
 * Each case runs the kit twice, once starting Appium: minutes on a busy two-core machine. The limits only stop a
 * hung run; nothing here is timed.
 */
const RUN_MS = 360_000;

describe('mbsc run --via appium', { timeout: 2 * RUN_MS + 60_000 }, () => {
  it('reaches the verdicts of the run in process, cell for cell', async () => {
    const local = await runCli(['run', ...selection, '--out', path.join(dir, 'local')], RUN_MS);
    const appium = await runCli(
      ['run', ...selection, '--via', 'appium', '--workers', '2', '--out', path.join(dir, 'appium')],
      RUN_MS,
    );
    expect(local.code, local.stderr).toBe(0);
    expect(appium.code, appium.stderr).toBe(0);
    const [a, b] = [summaryOf('local'), summaryOf('appium')];
    expect(b.target.description).toMatch(/driven over WebDriver through Appium at http:\/\/127\.0\.0\.1:\d+/);
    // The screens' model check runs over WebDriver only (in process, run-conditions-model checks the same rules).
    const screensModel = (s: Summary) => s.checks.find((c) => c.checkId === 'run-conditions-model-screens')!.cells;
    expect(screensModel(a).every((c) => c.verdict === 'skipped')).toBe(true);
    expect(screensModel(b).map((c) => `${c.verdict} ${c.runs}`)).toEqual(['pass 10', 'pass 10', 'pass 10', 'pass 10']);
    const others = (s: Summary) => cells(s).filter((c) => !c.startsWith('run-conditions-model-screens'));
    expect(others(b).sort()).toEqual(others(a).sort());
    expect(b.requirements.map((r) => [r.id, r.verdict])).toEqual(a.requirements.map((r) => [r.id, r.verdict]));
    expect(a.requirements.find((r) => r.id === 'RUN-09')?.verdict).toBe('pass');
  });

  it('catches an app variant over Appium exactly as in process', async () => {
    const args = [
      ...selection,
      '--checks',
      'run-conditions-low-battery-message-screens,tfa-registration-without-camera-screens',
      '--fault',
      'backup-below-30-percent',
    ];
    const local = await runCli(['run', ...args, '--out', path.join(dir, 'fault-local')], RUN_MS);
    const appium = await runCli(['run', ...args, '--via', 'appium', '--out', path.join(dir, 'fault-appium')], RUN_MS);
    expect(local.code).toBe(1);
    expect(appium.code).toBe(1);
    const [a, b] = [summaryOf('fault-local'), summaryOf('fault-appium')];
    expect(cells(b).sort()).toEqual(cells(a).sort());
    const failed = (s: Summary) => s.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id);
    expect(failed(b)).toEqual(['RUN-03']);
    expect(failed(a)).toEqual(['RUN-03']);
  });

  it('drives phones a check makes of its own (the replacement in a migration) over Appium', async () => {
    const args = ['--checks', 'migration-across-platforms-screens', '--profiles', 'samsung-galaxy-a12,iphone-6s'];
    const appium = await runCli(
      ['run', ...args, '--editions', 'pro', '--seed', '3', '--via', 'appium', '--out', path.join(dir, 'mig')],
      RUN_MS,
    );
    expect(appium.code, appium.stderr + appium.stdout).toBe(0);
    const cellsOf = summaryOf('mig').checks.find((c) => c.checkId === 'migration-across-platforms-screens')!.cells;
    expect(cellsOf.map((c) => `${c.column} ${c.verdict}`)).toEqual([
      'samsung-galaxy-a12 @ pro pass',
      'iphone-6s @ pro pass',
    ]);
  });

  it('refuses options that do not fit together, and an endpoint that is not there', async () => {
    const noVia = await runCli(['run', '--appium-url', 'http://127.0.0.1:9', '--out', path.join(dir, 'x')]);
    expect(noVia.code).toBe(2);
    expect(noVia.stderr).toContain('add --via appium');
    const badVia = await runCli(['run', '--via', 'apium']);
    expect(badVia.code).toBe(2);
    expect(badVia.stderr).toContain('Did you mean "appium"?');
    const gone = await runCli(
      ['run', ...selection, '--via', 'appium', '--appium-url', 'http://127.0.0.1:9', '--out', path.join(dir, 'z')],
      RUN_MS,
    );
    expect(gone.code).toBe(3);
    expect(gone.stderr).toContain('No WebDriver endpoint answered');
  });
});
