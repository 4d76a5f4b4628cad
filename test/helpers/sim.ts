/** Simulated devices for tests: a spec with sensible values, a virtual clock, and media to fill it. */
import type { DeviceSpec, Platform } from '../../simulators/device/device-spec.js';
import type { MediaInit } from '../../simulators/device/media.js';
import { SimulatedDevice } from '../../simulators/device/simulated-device.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';

export const GB = 1_000_000_000;

export function spec(platform: Platform, overrides: Partial<DeviceSpec> = {}): DeviceSpec {
  return {
    id: platform === 'android' ? 'test-android' : 'test-ios',
    name: platform === 'android' ? 'Redmi Note 8' : 'iPhone6s',
    model: platform === 'android' ? 'Redmi Note 8' : 'iPhone 6s',
    platform,
    osVersion: platform === 'android' ? '10' : '15.7',
    storageBytes: 64 * GB,
    systemBytes: 20 * GB,
    ...(platform === 'android' ? { sdCardBytes: 32 * GB } : {}),
    screenLock: 'pin',
    biometric: 'fingerprint',
    camera: true,
    battery: { level: 80, charging: false },
    ...overrides,
  };
}

export function device(platform: Platform, overrides: Partial<DeviceSpec> = {}, clock = new VirtualClock()) {
  return new SimulatedDevice(spec(platform, overrides), clock);
}

let seed = 1;
/** A photo (or other file, by extension) of `size` bytes captured at `capturedAt`. */
export function media(
  name: string,
  size = 50_000,
  capturedAt = Date.UTC(2021, 3, 19),
  extra: Partial<MediaInit> = {},
): MediaInit {
  return {
    name,
    path: `/storage/emulated/0/DCIM/Camera/${name}`,
    size,
    contentSeed: seed++,
    album: 'Camera',
    capturedAt,
    modifiedAt: capturedAt,
    exif: { Make: 'Xiaomi', DateTimeOriginal: new Date(capturedAt).toISOString() },
    storage: 'internal',
    origin: 'device',
    ...extra,
  };
}
