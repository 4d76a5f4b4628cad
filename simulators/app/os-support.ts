/**
 * Which devices the app runs on: Android 8 or later, iOS 12.0 or later (seed 000 §2.2), phones and tablets alike
 * (§1.1 "smartphones or tablets", §11 "iPhone, iPad").
 */
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

/** Whether the app runs on this device model: on every phone and tablet of a supported OS (PLAT-06). */
export function servesModel(_platform: Platform, _model: string): boolean {
  return true;
}

/** Refuses to install on a model the app does not serve; `served` is the app's rule. */
export function assertModelServed(platform: Platform, model: string, served = servesModel): void {
  if (!served(platform, model))
    throw new ClientError('os-unsupported', `The app does not run on this device (${model}).`);
}
