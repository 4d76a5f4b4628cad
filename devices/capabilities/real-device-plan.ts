/**
 * What a run on real devices needs before it starts a session: where to connect (a remote endpoint, or a local
 * Appium), the capabilities for each profile, and the locator map for the build. Without a remote endpoint, the
 * local toolchain is checked first, so a machine without an SDK fails at once with `emulator-unavailable`.
 */
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { Locators } from '../appium-driver/page-objects/locators.js';
import {
  emulatorCapabilities,
  realAppLocators,
  type Capabilities,
  type RealApp,
  type RealAppLocatorOptions,
} from './device-capabilities.js';
import { parseEndpoint, probeEndpoint, type EndpointStatus, type RemoteEndpoint } from './remote-endpoint.js';
import { checkToolchain, LOCAL_PROBE, type ToolchainProbe } from './toolchain.js';

export interface RealDeviceOptions {
  readonly app?: RealApp;
  readonly locators?: RealAppLocatorOptions;
  /** `--appium-url`: a remote Appium or Selenium Grid 4; without it, this machine's emulators. */
  readonly appiumUrl?: string;
  readonly probe?: ToolchainProbe;
}

export interface RealDevicePlan {
  readonly profile: DeviceSpec;
  readonly capabilities: Capabilities;
  readonly locators: Locators;
  /** Undefined: a local Appium the harness starts (with the UiAutomator2 or XCUITest driver installed). */
  readonly endpoint?: RemoteEndpoint;
  readonly status?: EndpointStatus;
}

export async function planRealDevices(
  profiles: readonly DeviceSpec[],
  options: RealDeviceOptions = {},
): Promise<RealDevicePlan[]> {
  let endpoint: RemoteEndpoint | undefined;
  let status: EndpointStatus | undefined;
  if (options.appiumUrl !== undefined) {
    endpoint = parseEndpoint(options.appiumUrl);
    status = await probeEndpoint(endpoint);
  } else {
    for (const platform of new Set(profiles.map((p) => p.platform)))
      checkToolchain(platform, options.probe ?? LOCAL_PROBE);
  }
  return profiles.map((profile) => ({
    profile,
    capabilities: emulatorCapabilities(profile, options.app),
    locators: realAppLocators(profile.platform, options.locators),
    ...(endpoint ? { endpoint } : {}),
    ...(status ? { status } : {}),
  }));
}
