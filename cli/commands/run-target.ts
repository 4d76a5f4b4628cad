/**
 * The target of `mbsc run` / `mbsc validate`, from the checked configuration: the reference server, a running
 * server, or one started from a container image; and the app the device checks drive, in process or with its
 * screens over WebDriver through Appium (`--via appium`, the kit's own Appium or `--appium-url`).
 */
import { readFileSync } from 'node:fs';
import { ClientError } from '../../conformance/spec/errors.js';
import type { Edition } from '../../conformance/spec/editions.js';
import { isServerFault, type AppFault } from '../../conformance/spec/faults.js';
import type { RunConfig } from '../../conformance/runner/run-config.js';
import { parseShard } from '../../conformance/runner/shard.js';
import { referenceApp, type AppUnderTest } from '../../conformance/targets/app-under-test.js';
import { appiumApp, appiumEndpoint, type AppiumEndpoint } from '../../conformance/targets/appium-app.js';
import { launchServerImage } from '../../conformance/targets/container-target.js';
import { checkRealBuild, realBuildApp } from '../../conformance/targets/real-build-app.js';
import { ReferenceTarget } from '../../conformance/targets/reference-target.js';
import { ServerTarget } from '../../conformance/targets/server-target.js';
import { parseConsoleLocators, type WebConsole } from '../../conformance/targets/web-console.js';
import type { Target } from '../../conformance/targets/target.js';
import { DEFAULT_APP_PACKAGE } from '../../devices/capabilities/device-capabilities.js';
import { planRealDevices, type RealDevicePlan } from '../../devices/capabilities/real-device-plan.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { isHttpUrl, UsageError } from '../command.js';
import { localServerParts } from './local-server-options.js';

export interface OpenedTarget {
  readonly target: Target;
  /** Stops what the kit started for this target (a container, an Appium server). */
  stop(): Promise<void>;
}

/** Checks the options that choose the target and the app before anything starts. */
export function checkTargetOptions(config: RunConfig): void {
  if (config.server && config.serverImage) usage('--server and --server-image name two targets: give one of them.');
  if (config.server !== undefined && !isHttpUrl(config.server))
    usage(`--server ${config.server}: give the server's base URL with its scheme, such as http://127.0.0.1:50000`);
  if (config.serverImage && config.faults) usage('--fault runs variants of the reference kit, not of a server image.');
  if (config.appiumUrl && config.via !== 'appium' && config.via !== 'emulator')
    usage('--appium-url drives the app over Appium: add --via appium (or --via emulator for a real build).');
  checkBuildOptions(config);
  localServerParts(config);
  const serverSide = (config.faults ?? []).filter(isServerFault);
  if (config.server && serverSide.length > 0) {
    usage(`${serverSide.join(', ')}: faults of the reference server; they need no --server.`);
  }
}

export async function openTarget(
  config: RunConfig,
  editions: readonly Edition[],
  profiles: readonly DeviceSpec[],
): Promise<OpenedTarget> {
  const faults = config.faults ?? [];
  const appFaults = faults.filter((f): f is AppFault => !isServerFault(f));
  // A real build's emulators (or the endpoint) are checked before Appium starts: no SDK fails at once.
  const plans = config.via === 'emulator' ? await planBuild(config, profiles) : undefined;
  const endpoint =
    config.via === undefined || config.via === 'in-process' ? undefined : await appiumEndpoint(config.appiumUrl);
  const stopAppium = async () => void (await endpoint?.stop?.());
  try {
    const app = await appUnderTest(config, appFaults, endpoint, plans);
    if (config.serverImage) {
      const launched = await launchServerImage({
        image: config.serverImage,
        edition: config.edition as Edition,
        ...(config.consoleKey ? { consoleKey: config.consoleKey } : {}),
      });
      return { target: launched.target, stop: async () => (await launched.stop(), await stopAppium()) };
    }
    if (!config.server) {
      return { target: new ReferenceTarget(editions, { faults, app }), stop: stopAppium };
    }
    const target = new ServerTarget({
      url: config.server,
      udpPort: config.udpPort ?? usage('--udp-port is required with --server.'),
      edition: config.edition ?? usage('--edition is required with --server.'),
      ...(config.consoleKey ? { consoleKey: config.consoleKey } : {}),
      app,
      conformanceClock: config.conformanceClock ?? true,
      // A server given by its URL keeps what the run leaves on it; the shards of a run may share it at once.
      leavesAsFound: true,
      sharedWithOtherRuns: config.shard !== undefined && parseShard(config.shard).count > 1,
      ...webConsoleOf(config),
      ...localServerParts(config),
    });
    return { target, stop: stopAppium };
  } catch (error) {
    await stopAppium();
    throw error;
  }
}

/** The reference app model, in process or over Appium, or a real build on emulators (checked before the run). */
async function appUnderTest(
  config: RunConfig,
  faults: readonly AppFault[],
  endpoint: AppiumEndpoint | undefined,
  plans: readonly RealDevicePlan[] | undefined,
): Promise<AppUnderTest> {
  if (!endpoint) return referenceApp(faults);
  if (!plans) return appiumApp(referenceApp(faults), endpoint, faults);
  const build = { name: config.app ?? config.appId ?? DEFAULT_APP_PACKAGE, plans, url: endpoint.url };
  await checkRealBuild(build);
  return realBuildApp(build);
}

/** `--via emulator` tests a build: it needs one (a file or an installed id); the kit's faults are of its model. */
function checkBuildOptions(config: RunConfig): void {
  if (config.via !== 'emulator') {
    const given = (['app', 'appId', 'locators'] as const).filter((key) => config[key] !== undefined);
    if (given.length > 0) usage(`${given.map(flagOf).join(', ')}: options of a real build; add --via emulator.`);
    return;
  }
  if (!config.app && !config.appId) usage('--via emulator needs the build: --app FILE or --app-id ID.');
  const appSide = (config.faults ?? []).filter((f) => !isServerFault(f));
  if (appSide.length > 0) usage(`${appSide.join(', ')}: faults of the app model; a real build has none.`);
}

const flagOf = (key: 'app' | 'appId' | 'locators') =>
  ({ app: '--app', appId: '--app-id', locators: '--locators' })[key];

async function planBuild(config: RunConfig, profiles: readonly DeviceSpec[]): Promise<RealDevicePlan[]> {
  const overrides = config.locators ? readLocators(config.locators) : undefined;
  return planRealDevices(profiles, {
    app: {
      ...(config.app ? { app: config.app } : {}),
      ...(config.appId ? { appPackage: config.appId, bundleId: config.appId } : {}),
    },
    locators: { ...(config.appId ? { appPackage: config.appId } : {}), ...(overrides ? { overrides } : {}) },
    ...(config.appiumUrl ? { appiumUrl: config.appiumUrl } : {}),
  });
}

/** A locator file: a JSON object of element ids to WebdriverIO selectors. */
function readLocators(file: string): Record<string, string> {
  const value = readOptionJson('--locators', file);
  const entries = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  const bad = entries.filter(([, selector]) => typeof selector !== 'string' || selector === '');
  if (entries.length === 0 || bad.length > 0) {
    const named = bad.length > 0 ? `; not a selector: ${bad.map(([id]) => id).join(', ')}` : '';
    throw new ClientError('config-invalid', `--locators ${file}: expected {"element-id": "selector", …}${named}`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The JSON of a file an option names: one it cannot read or parse is an invalid configuration, not a usage slip. */
function readOptionJson(option: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ClientError('config-invalid', `${option} ${file}: ${(error as Error).message}`);
  }
}

function usage(message: string): never {
  throw new UsageError(message);
}

/** `--console-url` with `--console-locators`: the vendor's console and how to find its parts. */
function webConsoleOf(config: RunConfig): { webConsole?: WebConsole } {
  if (config.consoleUrl === undefined) {
    if (config.consoleLocators !== undefined) usage('--console-locators goes with --console-url.');
    return {};
  }
  if (config.consoleLocators === undefined) usage('--console-url needs --console-locators FILE (a locator map).');
  const file = config.consoleLocators;
  const json = readOptionJson('--console-locators', file);
  return { webConsole: { url: config.consoleUrl, locators: parseConsoleLocators(json, `--console-locators ${file}`) } };
}
