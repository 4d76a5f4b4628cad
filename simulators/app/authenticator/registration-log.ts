/**
 * The App Log entry a registration for 2FA writes (seed 000 §6.4.7 lists "2FA Registration" among the logged
 * activities; LOG-04 reads it as a 2FA Info entry): by QR code for push and codes, or by username and secret key for
 * codes only. Both are registering for 2FA.
 */
import type { LogLine } from '../free-up-space-texts.js';

export type TwoFactorRegistration =
  | { readonly how: 'qr'; readonly edition: string; readonly host: string }
  | { readonly how: 'secret-key'; readonly username: string };

export function registrationLogEntry(registration: TwoFactorRegistration): LogLine {
  const message =
    registration.how === 'qr'
      ? `2FA registration with ${registration.edition} at ${registration.host}`
      : `2FA registration (TOTP only) for ${registration.username}`;
  return { category: '2FA', level: 'Info', message };
}
