/**
 * The app that device checks drive: the reference app model, in process, on each simulated device. A target may
 * give one of its faulty variants instead (the kit's self-test); checks never construct the app themselves.
 */
import type { AppFault } from '../spec/faults.js';
import { MobileApp, type AppOptions } from '../../simulators/app/mobile-app.js';
import type { SimulatedDevice } from '../../simulators/device/simulated-device.js';

export interface AppUnderTest {
  /** For reports: which app, and any faulty variant of it. */
  readonly description: string;
  /** Installs the app on a device: what a check does before it pairs and drives it. */
  install(device: SimulatedDevice, options?: Omit<AppOptions, 'faults'>): MobileApp;
}

export function referenceApp(faults: readonly AppFault[] = []): AppUnderTest {
  return {
    description:
      faults.length === 0 ? 'the reference app model' : `the reference app model with faults ${faults.join(', ')}`,
    install: (device, options = {}) => new MobileApp(device, { ...options, faults }),
  };
}
