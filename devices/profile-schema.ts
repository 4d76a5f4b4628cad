/**
 * The schema of a device profile file (devices/profiles/<id>.json). Its static type is the simulators' DeviceSpec
 * plus `notes`; the compiler checks both directions below, so the two cannot drift apart. Rules that relate two
 * fields, which JSON Schema cannot say, are in `profileRuleProblems`.
 */
import Type, { type Static } from 'typebox';
import { SAFE_NAME_PATTERN } from '../conformance/spec/protocol/common.js';
import { APP_VERSION_PATTERN } from '../conformance/spec/versions.js';
import type { Biometric, DeviceSpec, Platform, ScreenLock } from '../simulators/device/device-spec.js';
import type { SchemaProblem } from '../conformance/spec/schema-problems.js';

export const GB = 1_000_000_000;
export const MIN_STORAGE_BYTES = 1 * GB;
/** 2 TB: the largest phone storage and the SDXC limit. */
export const MAX_STORAGE_BYTES = 2000 * GB;

export const PLATFORMS = ['android', 'ios'] as const satisfies readonly Platform[];
export const SCREEN_LOCKS = ['none', 'pin', 'pattern', 'password', 'passcode'] as const satisfies readonly ScreenLock[];
export const BIOMETRICS = ['none', 'fingerprint', 'face'] as const satisfies readonly Biometric[];
/** Android offers PIN, pattern or password; iOS calls every kind of lock a passcode. */
export const SCREEN_LOCKS_BY_PLATFORM = {
  android: ['none', 'pin', 'pattern', 'password'],
  ios: ['none', 'passcode'],
} as const satisfies Record<Platform, readonly ScreenLock[]>;

export const PROFILE_ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** Stricter than pairing's `\d{1,2}(\.\d{1,2}){0,2}`: no leading zeros, so every profile's version can pair. */
export const OS_VERSION_PATTERN = '^(?:0|[1-9]\\d?)(?:\\.(?:0|[1-9]\\d?)){0,2}$';

export const ProfileId = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: PROFILE_ID_PATTERN,
  description: 'Kebab-case id, equal to the file name without `.json`, e.g. `redmi-note-8`.',
});

const Bytes = (description: string, minimum: number) =>
  Type.Integer({ minimum, maximum: MAX_STORAGE_BYTES, description });

export const DeviceProfile = Type.Object(
  {
    id: ProfileId,
    // The pairing protocol's device-name rule (no path separators, NUL or other characters a folder name cannot
    // hold): the name becomes the device's backup folder, so a profile must not carry a name the server refuses.
    name: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: SAFE_NAME_PATTERN,
      description: 'The device name the app reports when pairing, e.g. `Redmi Note 8` or `iPhone6s`.',
    }),
    model: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[^\\u0000-\\u001f\\u007f]+$',
      description: 'Model number (Android `Build.MODEL`, e.g. `SM-N970F`) or iOS hardware identifier (`iPhone8,1`).',
    }),
    platform: Type.Enum(PLATFORMS),
    osVersion: Type.String({
      maxLength: 8,
      pattern: OS_VERSION_PATTERN,
      description: '`major`, `major.minor` or `major.minor.patch`, e.g. `10`, `8.1`, `12.5.7`.',
    }),
    storageBytes: Bytes('Internal storage capacity in bytes (GB = 10^9), 1 GB to 2 TB.', MIN_STORAGE_BYTES),
    systemBytes: Bytes('Bytes used by the OS and other apps; less than storageBytes.', 0),
    sdCardBytes: Type.Optional(Bytes('Android only: capacity of an inserted SD card in bytes.', MIN_STORAGE_BYTES)),
    screenLock: Type.Enum(SCREEN_LOCKS, { description: 'Android: none, pin, pattern, password; iOS: none, passcode.' }),
    biometric: Type.Enum(BIOMETRICS, { description: 'Enrolled biometric; needs a screen lock.' }),
    camera: Type.Boolean({ description: 'Whether the device has a working camera (needed to scan a pairing QR).' }),
    battery: Type.Object(
      {
        level: Type.Integer({ minimum: 0, maximum: 100, description: 'Battery level in percent at start.' }),
        charging: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    appVersion: Type.Optional(
      Type.String({
        pattern: APP_VERSION_PATTERN,
        description:
          "The installed app's version, sent when pairing: `1.6.2` on Android, a build such as `281` on iOS. " +
          'Migration needs 1.5.0 (Android) or 268 (iOS); item-by-item restore 1.6.0 (Android).',
      }),
    ),
    notes: Type.Optional(
      Type.String({ maxLength: 1000, description: 'Why the profile exists, e.g. "named in seed 000 §6.4.4".' }),
    ),
  },
  { additionalProperties: false },
);
export type DeviceProfile = Static<typeof DeviceProfile>;

// Compile-time checks: a profile is a DeviceSpec, the schema allows every DeviceSpec value (a new ScreenLock, say),
// and the two have the same fields (an optional field added to DeviceSpec alone would pass the first two).
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const _isSpec: DeviceSpec = {} as DeviceProfile;
const _coversSpec: Omit<DeviceProfile, 'notes'> = {} as DeviceSpec;
const _sameKeys: SameKeys<DeviceSpec, Omit<DeviceProfile, 'notes'>> = true;
void [_isSpec, _coversSpec, _sameKeys];

/** Rules between fields, checked once the profile matches the schema. Empty when the profile is valid. */
export function profileRuleProblems(profile: DeviceProfile): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (profile.systemBytes >= profile.storageBytes) {
    problems.push({
      path: 'systemBytes',
      message: `must be less than storageBytes (${profile.systemBytes} >= ${profile.storageBytes}); the OS cannot fill the device`,
    });
  }
  if (profile.platform === 'ios' && profile.sdCardBytes !== undefined) {
    problems.push({
      path: 'sdCardBytes',
      message: 'is Android only: iOS devices have no SD card slot, remove it from an iOS profile',
    });
  }
  const locks: readonly ScreenLock[] = SCREEN_LOCKS_BY_PLATFORM[profile.platform];
  if (!locks.includes(profile.screenLock)) {
    problems.push({
      path: 'screenLock',
      message: `"${profile.screenLock}" is not an ${profile.platform === 'ios' ? 'iOS' : 'Android'} screen lock; use one of ${locks.join(', ')}`,
    });
  }
  if (profile.biometric !== 'none' && profile.screenLock === 'none') {
    problems.push({
      path: 'biometric',
      message: `${profile.biometric} unlock needs a screen lock: both platforms require a PIN, pattern, password or passcode first`,
    });
  }
  return problems;
}
