/** Which OS versions the app runs on (seed 000 §2.2): Android 8 or later, iOS 12.0 or later. */
import { ClientError } from '../../conformance/spec/errors.js';
import type { Platform } from '../device/device-spec.js';

export const MINIMUM_OS: Record<Platform, readonly [number, number]> = { android: [8, 0], ios: [12, 0] };

export function parseOsVersion(version: string): [number, number, number] {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?$/.exec(version);
  if (!match) throw new ClientError('os-unsupported', `"${version}" is not an OS version.`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

export function isOsSupported(platform: Platform, version: string): boolean {
  const [major, minor] = parseOsVersion(version);
  const [minMajor, minMinor] = MINIMUM_OS[platform];
  return major > minMajor || (major === minMajor && minor >= minMinor);
}

/** Refuses to install below the minimum; `supported` is the app's rule (this module's by default). */
export function assertOsSupported(platform: Platform, version: string, supported = isOsSupported): void {
  if (!supported(platform, version)) {
    const [major, minor] = MINIMUM_OS[platform];
    const name = platform === 'android' ? 'Android' : 'iOS';
    throw new ClientError(
      'os-unsupported',
      `The app needs ${name} ${major}${minor ? `.${minor}` : ''} or later; this device has ${name} ${version}.`,
    );
  }
}
