/**
 * What the phone says once a pairing QR code has done its work (seed 000 §7.1, §7.2, §11.2): a new device is told
 * "Device paired successfully" (then OK leads on to its backup sources), a replacement that its pairing and the
 * migration of contents from the original to it are done (then Done). On Android that is one screen (§7.1 step
 * vii); on iOS two dialogs, the pairing with OK, then the migration with Done (§11.2, see MIG-17).
 */
import type { Platform } from '../device/device-spec.js';

/** After "Activate and start backup" paired this phone as a new device. */
export function pairedText(): string {
  return 'Device paired successfully.';
}

/** The dialog a replacement shows first, before its migration's own: iOS only (Android says both at once). */
export function replacementPairedText(platform: Platform): string | undefined {
  return platform === 'ios' ? 'Replacement device is paired successfully.' : undefined;
}

/** After the phone paired as the replacement of `original`: the seed's words, with the two devices' names. */
export function migrationCompletedText(original: string, replacement: string, platform: Platform): string {
  return platform === 'ios'
    ? `Migration of contents from ${original} to ${replacement} is completed.`
    : `Replacement device is paired successfully and migration of contents from ${original} to ${replacement} is completed.`;
}
