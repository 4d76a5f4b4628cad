/**
 * Whether this machine can run a real app on an emulator: an Android SDK with its emulator and adb for
 * UiAutomator2, macOS with Xcode's xcrun for XCUITest. Checked before anything starts, so a run without them
 * fails at once with `emulator-unavailable` and what is missing, rather than after Appium's own timeouts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ClientError } from '../../conformance/spec/errors.js';
import type { Platform } from '../../simulators/device/device-spec.js';

export interface ToolchainProbe {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly os: NodeJS.Platform;
  exists(file: string): boolean;
}

export const LOCAL_PROBE: ToolchainProbe = { env: process.env, os: process.platform, exists: existsSync };

/** Answers the tools found; throws `emulator-unavailable` naming what is missing. */
export function checkToolchain(platform: Platform, probe: ToolchainProbe = LOCAL_PROBE): { readonly tools: string[] } {
  return platform === 'android' ? checkAndroid(probe) : checkIos(probe);
}

function checkAndroid(probe: ToolchainProbe): { tools: string[] } {
  const sdk = probe.env['ANDROID_HOME'] || probe.env['ANDROID_SDK_ROOT'];
  if (!sdk) {
    throw new ClientError(
      'emulator-unavailable',
      'No Android SDK: set ANDROID_HOME (or ANDROID_SDK_ROOT) to an SDK with the emulator and platform-tools, or use --appium-url for a remote Appium or Selenium Grid.',
    );
  }
  const exe = probe.os === 'win32' ? '.exe' : '';
  const tools = [path.join(sdk, 'emulator', `emulator${exe}`), path.join(sdk, 'platform-tools', `adb${exe}`)];
  const missing = tools.filter((tool) => !probe.exists(tool));
  if (missing.length > 0) {
    throw new ClientError('emulator-unavailable', `The Android SDK at ${sdk} lacks ${missing.join(' and ')}.`, {
      missing,
    });
  }
  return { tools };
}

function checkIos(probe: ToolchainProbe): { tools: string[] } {
  if (probe.os !== 'darwin') {
    throw new ClientError(
      'emulator-unavailable',
      `XCUITest needs macOS with Xcode and its iOS simulators; this machine runs ${probe.os}. Use --appium-url for a remote Appium or device cloud.`,
    );
  }
  const xcrun = '/usr/bin/xcrun';
  if (!probe.exists(xcrun)) {
    throw new ClientError('emulator-unavailable', 'No Xcode command line tools (/usr/bin/xcrun): install Xcode.');
  }
  return { tools: [xcrun] };
}
