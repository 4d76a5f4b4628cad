/**
 * What a simulated device is made of when it starts: the data a device profile holds. Profiles in
 * devices/profiles/ are validated against devices/profile-schema.ts, whose static type is this one.
 */
export type Platform = 'android' | 'ios';
export type ScreenLock = 'none' | 'pin' | 'pattern' | 'password' | 'passcode';
export type Biometric = 'none' | 'fingerprint' | 'face';

export interface DeviceSpec {
  /** Profile id, kebab-case, e.g. `redmi-note-8`. */
  readonly id: string;
  /** The device name the app reports when pairing, e.g. `Redmi Note 8` or `iPhone6s`. */
  readonly name: string;
  readonly model: string;
  readonly platform: Platform;
  /** `major`, `major.minor` or `major.minor.patch`, e.g. `10`, `12.5.7`. */
  readonly osVersion: string;
  /** Internal storage capacity in bytes (GB = 10^9). */
  readonly storageBytes: number;
  /** Bytes used by the OS and other apps, never touched by the app. */
  readonly systemBytes: number;
  /** Android only: an SD card's capacity in bytes, when the device has one. */
  readonly sdCardBytes?: number;
  readonly screenLock: ScreenLock;
  readonly biometric: Biometric;
  readonly camera: boolean;
  readonly battery: { readonly level: number; readonly charging: boolean };
  /** The installed app's version (Android `1.6.2`, iOS build `281`); default DEFAULT_APP_VERSION of the platform. */
  readonly appVersion?: string;
}
