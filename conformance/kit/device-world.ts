/**
 * The world of a device-scope check: a simulated device with the app installed, built for fast checks (small
 * upload chunks, automated backup off) and paired unless told otherwise, with a tap on the app's wire; its names
 * and content drawn from the check's content source. The specialised worlds (the 2FA checks', the migration
 * checks') are this one with options. Also: how an app pairs, and a phone of either platform for migrations.
 */
import type { CheckContext } from './check.js';
import type { ContentSource } from './content-source.js';
import { tapWire, Wire } from './wire-tap.js';
import { PAIRING_RULES } from './server-support.js';
import { setup } from './setup.js';
import { deviceName } from './device-names.js';
import { kitName } from './kit-names.js';
import { pairPastLeftovers } from './leftover-devices.js';
import type { TargetSession } from '../targets/target.js';
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import type { Pairing } from '../../simulators/app/server-pairing.js';
import type { AppSettings } from '../../simulators/app/settings.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import type { DeviceSpec, Platform } from '../../simulators/device/device-spec.js';
import { SimulatedDevice } from '../../simulators/device/simulated-device.js';

export { deviceName };

/** Upload chunk of the checks' apps: KB-sized items then take a few appends, so a job can stop inside one. */
export const CHUNK = 1024;

export interface World {
  readonly clock: VirtualClock;
  readonly device: SimulatedDevice;
  readonly app: MobileApp;
  /** What crossed the paired app's wire; an idle tap when the world was not paired. */
  readonly wire: Wire;
  /** The check's content source, which the world's names and items are drawn from (media-items.ts). */
  readonly content: ContentSource;
}

export interface WorldOptions {
  /** The phone; the column's profile unless told. */
  readonly profile?: DeviceSpec;
  readonly overrides?: Partial<DeviceSpec>;
  /** Runs on the new device before the app is installed (setup language, permission answers). */
  readonly before?: (device: SimulatedDevice) => void;
  readonly version?: string;
  /** Pairs as a new device unless false (the check then pairs it, or tests the app alone). */
  readonly pair?: boolean;
  /** Where the device's clock starts: the 2FA checks start it at the server's time. */
  readonly startMs?: number;
  /** Uploads in the app's own chunks, for checks that never stop a job inside an item (fewer appends, faster). */
  readonly appChunks?: boolean;
  /**
   * Settings changed right after install. By default automated backup goes off, since checks start their jobs
   * themselves; `{}` keeps the app's defaults.
   */
  readonly settings?: Partial<AppSettings>;
  /**
   * The phone registers as a 2FA authenticator, which the app names after the device: its name then carries the
   * kit's mark (kit-names.ts), so that a run stopped before putting it back leaves one a later run knows as its own.
   */
  readonly authenticator?: boolean;
}

/**
 * A simulated device of the profile with the app installed and (unless told otherwise) paired. Its name carries
 * a tag drawn for it (device-names.ts). Where an earlier run of the seed left the device paired, the world is made
 * again once that device is removed (leftover-devices.ts): a new device and app, so that its app log holds only
 * what a first pairing writes.
 */
export async function newWorld(context: CheckContext, options: WorldOptions = {}): Promise<World> {
  const { session, content } = context;
  const profile = options.profile ?? context.column.profile;
  if (!profile) throw new Error(`${context.checkId}: a device world needs a device profile`);
  const name = deviceName(options.authenticator ? kitName(profile.name) : profile.name, content);
  // Drawn like any content, so that what the device sends the server is the same on every run of the seed.
  const installId = content.id(9);
  const make = (): Omit<World, 'wire'> => {
    const clock = new VirtualClock(options.startMs);
    const device = new SimulatedDevice(
      { ...profile, name, battery: { level: 80, charging: false }, ...options.overrides },
      clock,
    );
    options.before?.(device);
    const app = session.app.install(device, {
      discoveryHost: session.host,
      ...(options.appChunks ? {} : { chunkBytes: CHUNK }),
      // The 2FA page's account ids travel in backups: content like any other.
      accountIds: () => content.id(),
      installId,
      ...(options.version ? { version: options.version } : {}),
    });
    const settings = options.settings ?? { automatedBackup: false };
    if (Object.keys(settings).length > 0) app.updateSettings(settings);
    return { clock, device, app, content };
  };
  // Made before the setup: an app that refuses to install (an OS too old) is what the check judges, not its setup.
  let fresh: Omit<World, 'wire'> | undefined = make();
  if (options.pair === false) return { ...fresh, wire: new Wire() };
  // Pairing makes the world: when it fails, the check has tested nothing (unless it covers pairing: setup.ts).
  const world = await setup('pairing the device for the check', PAIRING_RULES, () =>
    pairPastLeftovers(
      session,
      options.overrides?.name ?? name,
      async () => {
        const made = fresh ?? make();
        fresh = undefined;
        await scanPairing(session, made.app);
        return made;
      },
      (made) => made.app.pairing!.deviceId,
    ),
  );
  return { ...world, wire: tapWire(world.app) };
}

/** Pairs `app` by a QR code the console issues: as a new device, or as the replacement of `originalDeviceId`. */
export async function pairApp(session: TargetSession, app: MobileApp, originalDeviceId?: string): Promise<void> {
  await pairPastLeftovers(
    session,
    app.device.spec.name,
    () => scanPairing(session, app, originalDeviceId),
    (pairing) => pairing.deviceId,
  );
}

function scanPairing(session: TargetSession, app: MobileApp, originalDeviceId?: string): Promise<Pairing> {
  const body = originalDeviceId ? { mode: 'migrate' as const, originalDeviceId } : { mode: 'add' as const };
  return session.console!.call('createPairing', { body }).then((pairing) => app.scanQr(pairing.payload));
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
