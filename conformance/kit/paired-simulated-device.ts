/**
 * The world of a device-scope check: a simulated device with the app installed, built for fast checks (small
 * upload chunks, automated backup off) and paired unless told otherwise, with a tap on the app's wire; how an app
 * pairs; and a phone of either platform for migrations.
 */
import type { TargetSession } from '../targets/target.js';
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import type { DeviceSpec, Platform } from '../../simulators/device/device-spec.js';
import { SimulatedDevice } from '../../simulators/device/simulated-device.js';
import { tapWire, Wire } from './wire-tap.js';

/** Upload chunk of the checks' apps: KB-sized items then take a few appends, so a job can stop inside one. */
export const CHUNK = 1024;

export interface World {
  readonly clock: VirtualClock;
  readonly device: SimulatedDevice;
  readonly app: MobileApp;
  readonly wire: Wire;
}

export interface WorldOptions {
  readonly overrides?: Partial<DeviceSpec>;
  /** Runs on the new device before the app is installed (setup language, permission answers). */
  readonly before?: (device: SimulatedDevice) => void;
  readonly version?: string;
  readonly pair?: boolean;
}

let worlds = 0;

/**
 * A simulated device of the profile with the app installed and (unless told otherwise) paired. Its name carries a
 * serial number: checks run side by side, and two devices of one name paired in the same millisecond make the
 * reference server answer 500 (both get the same backup folder).
 */
export async function newWorld(session: TargetSession, profile: DeviceSpec, options: WorldOptions = {}) {
  const clock = new VirtualClock();
  const name = `${profile.name.slice(0, 50)} ${++worlds}`;
  const device = new SimulatedDevice(
    { ...profile, name, battery: { level: 80, charging: false }, ...options.overrides },
    clock,
  );
  options.before?.(device);
  const app = session.app.install(device, {
    discoveryHost: session.host,
    chunkBytes: CHUNK,
    ...(options.version ? { version: options.version } : {}),
  });
  app.updateSettings({ automatedBackup: false });
  if (options.pair !== false) await pairApp(session, app);
  return { clock, device, app, wire: options.pair === false ? new Wire() : tapWire(app) } satisfies World;
}

export async function pairApp(session: TargetSession, app: MobileApp, originalDeviceId?: string): Promise<void> {
  const body = originalDeviceId ? { mode: 'migrate' as const, originalDeviceId } : { mode: 'add' as const };
  const pairing = await session.console!.call('createPairing', { body });
  await app.scanQr(pairing.payload);
}

/** A phone of the other platform, for migrations across platforms. */
export function phoneOf(platform: Platform): DeviceSpec {
  const common = {
    storageBytes: 64 * 1e9,
    systemBytes: 20 * 1e9,
    camera: true,
    battery: { level: 80, charging: false },
  };
  return platform === 'ios'
    ? {
        ...common,
        id: 'spare-iphone',
        name: 'iPhone 13',
        model: 'iPhone 13',
        platform,
        osVersion: '17.5',
        screenLock: 'passcode',
        biometric: 'face',
      }
    : {
        ...common,
        id: 'spare-android',
        name: 'Redmi Note 8',
        model: 'Redmi Note 8',
        platform,
        osVersion: '13',
        screenLock: 'pin',
        biometric: 'fingerprint',
      };
}
