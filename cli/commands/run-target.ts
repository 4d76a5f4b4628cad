/**
 * The target of `mbsc run` / `mbsc validate`, from the checked configuration: the reference server, a running
 * server, or one started from a container image; and the app the device checks drive, in process or with its
 * screens over WebDriver through Appium (`--via appium`, the kit's own Appium or `--appium-url`).
 */
import type { Edition } from '../../conformance/spec/editions.js';
import { isServerFault, type AppFault } from '../../conformance/spec/faults.js';
import type { RunConfig } from '../../conformance/runner/run-config.js';
import { referenceApp, type AppUnderTest } from '../../conformance/targets/app-under-test.js';
import { appiumApp, appiumEndpoint } from '../../conformance/targets/appium-app.js';
import { launchServerImage } from '../../conformance/targets/container-target.js';
import { ReferenceTarget } from '../../conformance/targets/reference-target.js';
import { ServerTarget } from '../../conformance/targets/server-target.js';
import type { Target } from '../../conformance/targets/target.js';
import { UsageError } from '../command.js';

export interface OpenedTarget {
  readonly target: Target;
  /** Stops what the kit started for this target (a container, an Appium server). */
  stop(): Promise<void>;
}

/** Checks the options that choose the target and the app before anything starts. */
export function checkTargetOptions(config: RunConfig): void {
  if (config.server && config.serverImage) usage('--server and --server-image name two targets: give one of them.');
  if (config.serverImage && config.faults) usage('--fault runs variants of the reference kit, not of a server image.');
  if (config.appiumUrl && config.via !== 'appium') usage('--appium-url drives the app over Appium: add --via appium.');
  const serverSide = (config.faults ?? []).filter(isServerFault);
  if (config.server && serverSide.length > 0) {
    usage(`${serverSide.join(', ')}: faults of the reference server; they need no --server.`);
  }
}

export async function openTarget(config: RunConfig, editions: readonly Edition[]): Promise<OpenedTarget> {
  const faults = config.faults ?? [];
  const appFaults = faults.filter((f): f is AppFault => !isServerFault(f));
  const endpoint = config.via === 'appium' ? await appiumEndpoint(config.appiumUrl) : undefined;
  const app: AppUnderTest = endpoint
    ? appiumApp(referenceApp(appFaults), endpoint, appFaults)
    : referenceApp(appFaults);
  const stopAppium = async () => void (await endpoint?.stop?.());
  try {
    if (config.serverImage) {
      const launched = await launchServerImage({
        image: config.serverImage,
        edition: config.edition as Edition,
        ...(config.consoleKey ? { consoleKey: config.consoleKey } : {}),
      });
      return { target: launched.target, stop: async () => (await launched.stop(), await stopAppium()) };
    }
    if (!config.server) return { target: new ReferenceTarget(editions, { faults, app }), stop: stopAppium };
    const target = new ServerTarget({
      url: config.server,
      udpPort: config.udpPort ?? usage('--udp-port is required with --server.'),
      edition: config.edition ?? usage('--edition is required with --server.'),
      ...(config.consoleKey ? { consoleKey: config.consoleKey } : {}),
      app,
    });
    return { target, stop: stopAppium };
  } catch (error) {
    await stopAppium();
    throw error;
  }
}

function usage(message: string): never {
  throw new UsageError(message);
}
