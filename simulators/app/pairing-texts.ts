/**
 * What the phone says once a pairing QR code has done its work (seed 000 §7.1, §11.2): a new device is told
 * "Device paired successfully" (then OK leads on to its backup sources), a replacement that its pairing and the
 * migration of contents from the original to it are done (then Done).
 */

/** After "Activate and start backup" paired this phone as a new device. */
export function pairedText(): string {
  return 'Device paired successfully.';
}

/** After the phone paired as the replacement of `original`: the seed's words, with the two devices' names. */
export function migrationCompletedText(original: string, replacement: string): string {
  return `Replacement device is paired successfully and migration of contents from ${original} to ${replacement} is completed.`;
}
