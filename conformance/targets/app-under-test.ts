/**
 * The app that device checks drive. Model checks install the reference app model in process on each simulated
 * device; UI checks drive the app through its screens with an AppDriver (taps, texts, `mobile:` methods), in
 * process on the session model or over WebDriver through Appium (appium-app.ts). A target may give a faulty
 * variant of the model instead (the kit's self-test); checks never construct the app themselves.
 */
import type { AppFault } from '../spec/faults.js';
import { inProcessDriver, type AppDriver } from '../../devices/appium-driver/app-driver.js';
import { MobileApp, type AppOptions } from '../../simulators/app/mobile-app.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { SimulatedDevice } from '../../simulators/device/simulated-device.js';
import { SimulatorSession } from '../../simulators/session/simulator-session.js';

/** An app on a fresh device of a profile, set up against the server at `serverUrl`, and how to end its session. */
export interface DrivenApp {
  readonly driver: AppDriver;
  close(): Promise<void>;
}

export interface AppUnderTest {
  /** For reports: which app, how it is driven, and any faulty variant of it. */
  readonly description: string;
  /** How `drive` reaches the app's screens: the session model in this process, or WebDriver. */
  readonly via: 'in-process' | 'webdriver';
  /**
   * A real build (`--via emulator`): only the checks of its screens (tag `ui`) apply; the device checks that
   * install the app model in process would judge the kit's model, not the build.
   */
  readonly realBuild?: boolean;
  /** Installs the app model on a device: what a model check does before it pairs and drives it. */
  install(device: SimulatedDevice, options?: Omit<AppOptions, 'faults'>): MobileApp;
  /**
   * Opens the app on a new device of `profile`, to drive through its screens; its clock starts at `startMs` when
   * given (the server's time, when the target has a clock: a frozen one stands far from this machine's).
   */
  drive(profile: DeviceSpec, serverUrl: string, startMs?: number): Promise<DrivenApp>;
}

export function referenceApp(faults: readonly AppFault[] = []): AppUnderTest {
  return {
    description:
      faults.length === 0 ? 'the reference app model' : `the reference app model with faults ${faults.join(', ')}`,
    via: 'in-process',
    install: (device, options = {}) => new MobileApp(device, { ...options, faults }),
    drive: async (spec, serverUrl, startMs) => ({
      driver: inProcessDriver(modelSession(spec, serverUrl, faults, startMs)),
      close: async () => undefined,
    }),
  };
}

/** The app model's session on a new device of `spec`, its clock at `startMs` when given (else this machine's). */
export const modelSession = (spec: DeviceSpec, serverUrl: string, faults: readonly AppFault[], startMs?: number) =>
  new SimulatorSession({ spec, serverUrl, app: { faults }, ...(startMs !== undefined ? { startMs } : {}) });
