/** Supported platforms, OS versions and the permissions the app asks for (seed 000 §2.2, §2.5). */
import type { Requirement } from './types.js';

export const PLAT_REQUIREMENTS = [
  {
    id: 'PLAT-01',
    statement:
      'The app installs and runs on Android 8 and later; a device profile with an older Android is reported as unsupported.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.2' },
    interpretation:
      '"Must be Android 8 or above" is read as: older versions are refused, so the simulator never pairs them.',
  },
  {
    id: 'PLAT-02',
    statement:
      'The app installs and runs on iOS 12.0 and later; a device profile with an older iOS is reported as unsupported.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.2' },
    interpretation:
      '"Must be 12.0 or above" is read as: older versions are refused, so the simulator never pairs them.',
  },
  {
    id: 'PLAT-03',
    statement:
      'On its first launch on Android, the app asks for the Camera, Read External Storage and Write External Storage permissions.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5: Permission Requirement' },
  },
  {
    id: 'PLAT-04',
    statement:
      'On its first launch on Android, the app asks to be allowed to auto-launch and to run in the background.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5: Permission Requirement' },
    interpretation:
      'The seed says this setting varies by Android version and brand; the simulated device exposes it as one grant.',
  },
  {
    id: 'PLAT-05',
    statement:
      'On its first launch on iOS, the app asks for the Camera, Face ID, Photo Library and Notifications permissions.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5: Permission Requirement' },
  },
  {
    id: 'PLAT-06',
    statement:
      'The app serves tablets as it serves phones: on an Android tablet and on an iPad it pairs, backs up and restores.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.1' },
    interpretation:
      'The seed speaks of "smartphones or tablets" (§1.1) and names iPads among the iOS devices restored to (§11 Original location); it states no tablet layout, orientation or device class of its own, so a tablet is held to a phone’s behaviour.',
  },
] as const satisfies readonly Requirement[];
