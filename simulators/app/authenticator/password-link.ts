/**
 * The authentication screen's way from a biometric to the device's own secret (seed 000 §6.4.4): Android's link
 * reads "USE PASSWORD", iOS's "Show Passcode" ("click the USE PASSWORD or Show Passcode"); either opens the entry
 * where the password or passcode is typed, then Next.
 */
import type { Platform } from '../../device/device-spec.js';

export const PASSWORD_LINK = { android: 'USE PASSWORD', ios: 'Show Passcode' } as const satisfies Record<
  Platform,
  string
>;

export function passwordLink(platform: Platform): string {
  return PASSWORD_LINK[platform];
}
