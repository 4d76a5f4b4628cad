/**
 * `mbsc run --via emulator`: a real build on Android emulators or iOS simulators. This machine has neither, so the
 * run must stop before it starts anything, saying what is missing; and with the tools in place but an endpoint
 * without the build's driver (the kit's own Appium has only the simulator driver), it stops before any check.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-via-emulator-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noSdk = { ANDROID_HOME: undefined, ANDROID_SDK_ROOT: undefined };
const run = (args: string[], env: Record<string, string | undefined> = noSdk, timeoutMs = 30_000) =>
  runCli(['run', '--tags', 'ui', '--out', path.join(dir, 'out'), ...args], timeoutMs, env);

/** An SDK folder with the two tools the toolchain check looks for (they are never run). */
function fakeSdk(): string {
  const sdk = path.join(dir, 'sdk');
  for (const tool of ['emulator/emulator', 'platform-tools/adb']) {
    mkdirSync(path.dirname(path.join(sdk, tool)), { recursive: true });
    writeFileSync(path.join(sdk, tool), '#!/bin/sh\nexit 1\n');
    chmodSync(path.join(sdk, tool), 0o755);
  }
  return sdk;
}

describe('mbsc run --via emulator', () => {
  it('stops at once without an Android SDK or Xcode, naming what is missing', async () => {
    const android = await run(['--via', 'emulator', '--app', 'app.apk', '--profiles', 'samsung-galaxy-a12']);
    expect(android.code).toBe(3);
    expect(android.stderr).toMatch(/No Android SDK: set ANDROID_HOME/);
    const ios = await run(['--via', 'emulator', '--app-id', 'org.example.app', '--profiles', 'iphone-6s']);
    expect(ios.code).toBe(3);
    expect(ios.stderr).toMatch(/XCUITest needs macOS/);
  });

  it('stops before any check when the endpoint cannot start the build', async () => {
    const result = await run(
      ['--via', 'emulator', '--app', 'app.apk', '--profiles', 'samsung-galaxy-a12'],
      { ...noSdk, ANDROID_HOME: fakeSdk() },
      90_000,
    );
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/could not start a UiAutomator2 session of app\.apk on samsung-galaxy-a12/);
    expect(result.stdout).not.toMatch(/PASS|FAIL/);
  }, 120_000);

  it('refuses options that do not fit a real build', async () => {
    const noBuild = await run(['--via', 'emulator']);
    expect(noBuild.code).toBe(2);
    expect(noBuild.stderr).toContain('--via emulator needs the build: --app FILE or --app-id ID.');
    const noVia = await run(['--app', 'app.apk', '--locators', 'l.json']);
    expect(noVia.code).toBe(2);
    expect(noVia.stderr).toContain('--app, --locators: options of a real build; add --via emulator.');
    const appFault = await run(['--via', 'emulator', '--app', 'app.apk', '--fault', 'backup-below-30-percent']);
    expect(appFault.code).toBe(2);
    expect(appFault.stderr).toContain('faults of the app model; a real build has none');
    const locators = path.join(dir, 'locators.json');
    writeFileSync(locators, JSON.stringify({ 'backup-start': 42 }));
    const badLocators = await run(['--via', 'emulator', '--app', 'app.apk', '--locators', locators]);
    expect(badLocators.code).toBe(5);
    expect(badLocators.stderr).toContain('not a selector: backup-start');
  });
});
