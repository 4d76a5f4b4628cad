/** Real emulators and remote endpoints: fail fast without a toolchain, plan with one, probe Appium and Grid 4. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import { planRealDevices } from '../../../devices/capabilities/real-device-plan.js';
import { parseEndpoint, probeEndpoint } from '../../../devices/capabilities/remote-endpoint.js';
import { checkToolchain, type ToolchainProbe } from '../../../devices/capabilities/toolchain.js';
import { loadProfile } from '../../../devices/load-profiles.js';

const probe = (env: Record<string, string>, os: NodeJS.Platform, files: string[] = []): ToolchainProbe => ({
  env,
  os,
  exists: (file) => files.includes(file),
});

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ClientError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
};

describe('the emulator toolchain', () => {
  it('fails fast without an Android SDK, or with one that lacks the emulator', () => {
    expect(codeOf(() => checkToolchain('android', probe({}, 'linux')))).toMatch(
      /^emulator-unavailable: No Android SDK/,
    );
    expect(
      codeOf(() => checkToolchain('android', probe({ ANDROID_HOME: '/sdk' }, 'linux', ['/sdk/platform-tools/adb']))),
    ).toBe('emulator-unavailable: The Android SDK at /sdk lacks /sdk/emulator/emulator.');
    expect(
      checkToolchain(
        'android',
        probe({ ANDROID_SDK_ROOT: '/sdk' }, 'linux', ['/sdk/emulator/emulator', '/sdk/platform-tools/adb']),
      ),
    ).toEqual({ tools: ['/sdk/emulator/emulator', '/sdk/platform-tools/adb'] });
  });

  it('fails fast for iOS off macOS or without Xcode', () => {
    expect(codeOf(() => checkToolchain('ios', probe({}, 'linux')))).toMatch(
      /^emulator-unavailable: XCUITest needs macOS/,
    );
    expect(codeOf(() => checkToolchain('ios', probe({}, 'darwin')))).toMatch(/^emulator-unavailable: No Xcode/);
    expect(checkToolchain('ios', probe({}, 'darwin', ['/usr/bin/xcrun']))).toEqual({ tools: ['/usr/bin/xcrun'] });
  });

  const hasToolchain =
    Boolean(process.env['ANDROID_HOME'] || process.env['ANDROID_SDK_ROOT']) || process.platform === 'darwin';
  it.skipIf(hasToolchain)('fails fast on a machine without an SDK or Xcode (as this one)', async () => {
    const refused = await planRealDevices([loadProfile('redmi-note-8'), loadProfile('iphone-13')]).catch((e) => e);
    expect(refused).toBeInstanceOf(ClientError);
    expect((refused as ClientError).code).toBe('emulator-unavailable');
  });

  it('plans capabilities and locators per profile where the toolchain is there', async () => {
    const plans = await planRealDevices([loadProfile('redmi-note-8')], {
      probe: probe({ ANDROID_HOME: '/sdk' }, 'linux', ['/sdk/emulator/emulator', '/sdk/platform-tools/adb']),
      app: { appPackage: 'com.vendor.backup' },
      locators: { appPackage: 'com.vendor.backup' },
    });
    expect(plans).toHaveLength(1);
    expect(plans[0]!.capabilities['appium:avd']).toBe('mbs_redmi-note-8');
    expect(plans[0]!.locators.selector('tab-home')).toBe('id=com.vendor.backup:id/tab_home');
    expect(plans[0]!.endpoint).toBeUndefined();
  });
});

describe('--appium-url', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(body: unknown): Promise<string> {
    server = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(body)));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('parses endpoints, with cloud credentials apart', () => {
    expect(parseEndpoint('https://user:s%40cret@hub.example.com/wd/hub')).toEqual({
      protocol: 'https',
      hostname: 'hub.example.com',
      port: 443,
      path: '/wd/hub',
      user: 'user',
      key: 's@cret',
    });
    expect(parseEndpoint('http://127.0.0.1:4723')).toMatchObject({ port: 4723, path: '/' });
    expect(codeOf(() => parseEndpoint('ftp://x'))).toMatch(/^appium-unavailable: --appium-url must be http/);
    expect(codeOf(() => parseEndpoint('not a url'))).toMatch(
      /^appium-unavailable: --appium-url "not a url" is not a URL/,
    );
  });

  it('tells a Selenium Grid 4 hub from an Appium server', async () => {
    const grid = await serve({ value: { ready: true, message: 'Selenium Grid ready.', nodes: [{}, {}] } });
    expect(await probeEndpoint(parseEndpoint(grid))).toEqual({
      kind: 'selenium-grid',
      ready: true,
      detail: 'Selenium Grid with 2 nodes',
    });
    server!.close();
    const appium = await serve({ value: { ready: true, build: { version: '3.8.0' } } });
    const plans = await planRealDevices([loadProfile('iphone-13')], { appiumUrl: appium });
    expect(plans[0]!.status).toEqual({ kind: 'appium', ready: true, detail: 'Appium 3.8.0' });
    expect(plans[0]!.capabilities['appium:automationName']).toBe('XCUITest');
  });

  it('fails fast when nobody answers', async () => {
    const url = await serve({});
    server!.close();
    const refused = await probeEndpoint(parseEndpoint(url), 2000).catch((e: ClientError) => e.code);
    expect(refused).toBe('appium-unavailable');
  });
});
