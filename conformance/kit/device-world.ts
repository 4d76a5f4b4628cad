/** A simulated device with the reference app, paired with the target's server: the real side of device checks. */
import { ClientError } from '../spec/errors.js';
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { SimulatedDevice } from '../../simulators/device/simulated-device.js';
import type { TargetSession } from '../targets/target.js';

export interface DeviceWorld {
  readonly clock: VirtualClock;
  readonly device: SimulatedDevice;
  readonly app: MobileApp;
}

export async function pairedWorld(
  session: TargetSession,
  profile: DeviceSpec,
  overrides: Partial<DeviceSpec> = {},
): Promise<DeviceWorld> {
  if (!session.console) throw new ClientError('not-paired', 'The target has no console key to issue pairing tokens.');
  const clock = new VirtualClock();
  const device = new SimulatedDevice({ ...profile, ...overrides }, clock);
  const app = session.app.install(device, { discoveryHost: session.host });
  // Checks start jobs themselves unless they test automated backup.
  app.updateSettings({ automatedBackup: false });
  const pairing = await session.console.call('createPairing', { body: { mode: 'add' } });
  await app.scanQr(pairing.payload);
  return { clock, device, app };
}

let contentSeed = 1_000_000;
/** A small photo with fresh content, captured at `capturedAt`. */
export function addPhoto(device: SimulatedDevice, size = 2_000, capturedAt = Date.UTC(2021, 3, 19)): void {
  const seed = contentSeed++;
  device.addMedia({
    name: `IMG_${seed}.jpg`,
    path: `/storage/emulated/0/DCIM/Camera/IMG_${seed}.jpg`,
    size,
    contentSeed: seed,
    album: 'Camera',
    capturedAt,
    modifiedAt: capturedAt,
    exif: {},
    storage: 'internal',
    origin: 'device',
  });
}
