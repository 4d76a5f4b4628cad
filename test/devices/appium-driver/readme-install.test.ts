/**
 * The install command of devices/appium-driver/README.md, run as written from the repository's root (only its
 * APPIUM_HOME moved to a temporary folder, and the build left to the tests' global setup): Appium must then list the
 * driver, installed from this checkout's folder.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli-process.js';
import { runCommand } from '../../helpers/run-command.js';
import { tempDir } from '../../helpers/test-server.js';

const home = path.join(tempDir('mbsc-readme-appium-'), 'home');
afterAll(() => rmSync(path.dirname(home), { recursive: true, force: true }));

/** The first sh block after `heading` in the driver's README, without the build and the server start. */
function documentedInstall(heading: string): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'devices', 'appium-driver', 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(heading)))?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line !== 'npm run build' && !/appium --address/.test(line))
    .join('\n');
}

describe("the driver README's install command", () => {
  it('installs the driver from the repository root into the APPIUM_HOME it names', async () => {
    const script = documentedInstall("From the repository's root:");
    expect(script).toContain('driver install --source=local');
    const moved = script.replace('"$PWD/.appium"', JSON.stringify(home));
    expect(moved).not.toBe(script);

    const install = await runCommand(moved, [], { cwd: REPO_ROOT, shell: true, timeoutMs: 180_000 });
    expect(install.code, install.stderr + install.stdout).toBe(0);
    const appium = path.join(REPO_ROOT, 'node_modules', '.bin', 'appium');
    const list = await runCommand(appium, ['driver', 'list', '--installed', '--json'], {
      cwd: REPO_ROOT,
      timeoutMs: 120_000,
      env: { APPIUM_HOME: home },
    });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({
      'mbs-simulator': { installed: true, installPath: path.join(REPO_ROOT, 'devices', 'appium-driver') },
    });
  });
});
