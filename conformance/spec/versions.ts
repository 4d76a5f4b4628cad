/**
 * The versions the seeds tie features to, as data (seed 000 §2.6.2, §11; seed 001 "2FA: Features"): the desktop
 * program states its four-part version in `GET /v1/info`, the app states its own when it pairs (Android `1.6.2`,
 * iOS a build number such as `281`). Every minimum is compared part by part as numbers.
 */
import { EDITIONS, type Edition } from './editions.js';

export type AppPlatform = 'android' | 'ios';

/** Desktop program: `4.5.4.0`. */
export const DESKTOP_VERSION_PATTERN = '^\\d{1,4}(\\.\\d{1,4}){3}$';
/** App: `1.6.2` on Android, a build number such as `268` on iOS. */
export const APP_VERSION_PATTERN = '^\\d{1,4}(\\.\\d{1,4}){0,2}$';

export const MINIMUM_VERSIONS = {
  /** Seed 001 "2FA: Features": "Supported on CloudBacko Pro/Lite v4.3.0.0 or above" (EDN-05). */
  twoFactor: { desktop: '4.3.0.0' },
  /** Seed 000 §11 Requirements: desktop v4.5.4.0 and above, app v1.5.0 (Android) or v268 (iOS) (MIG-12). */
  migration: { desktop: '4.5.4.0', app: { android: '1.5.0', ios: '268' } },
  /**
   * Seed 000 §2.6.2: "Versions earlier than v1.6.0 does not support folder-by-folder or item-by-item restore". The
   * seed numbers iOS apps by build (268), so 1.6.0 is read as an Android version; on iOS every build the migration
   * takes (268 and later) restores item by item.
   */
  itemRestore: { app: { android: '1.6.0', ios: '268' } },
} as const;

/** The version the reference server states when started without one. */
export const REFERENCE_DESKTOP_VERSION = '4.5.4.0';

/** Negative, zero or positive as `a` is before, equal to or after `b`; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The version just before a minimum: its last part one less (1.5.0 → 1.4.99, 268 → 267). */
export function justBefore(version: string): string {
  const parts = version.split('.').map(Number);
  const last = parts.length - 1;
  for (let i = last; i >= 0; i--) {
    if ((parts[i] as number) > 0) {
      parts[i] = (parts[i] as number) - 1;
      for (let j = i + 1; j <= last; j++) parts[j] = 99;
      return parts.join('.');
    }
  }
  throw new Error(`no version before ${version}`);
}

export function atLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}

/** 2FA: Pro and Lite from desktop version 4.3.0.0 on; never Home. */
export function offersTwoFactor(edition: Edition, desktopVersion: string): boolean {
  return EDITIONS[edition].twoFactor && atLeast(desktopVersion, MINIMUM_VERSIONS.twoFactor.desktop);
}

export function desktopMigrates(desktopVersion: string): boolean {
  return atLeast(desktopVersion, MINIMUM_VERSIONS.migration.desktop);
}

export function appMigrates(platform: AppPlatform, appVersion: string): boolean {
  return atLeast(appVersion, MINIMUM_VERSIONS.migration.app[platform]);
}

export function appRestoresItemByItem(platform: AppPlatform, appVersion: string): boolean {
  return atLeast(appVersion, MINIMUM_VERSIONS.itemRestore.app[platform]);
}
