/** The kit's own TOTP arithmetic (RFC 6238: SHA1, 6 digits, 30 s steps), which the 2FA checks judge a server by. */
import { totpAt } from '../../../../simulators/app/authenticator/totp.js';

export const STEP_MS = 30_000;
export const stepOf = (epochMs: number): number => Math.floor(epochMs / STEP_MS);

/** The one-time password of `secret` for time step `step` (RFC 6238, SHA1, 6 digits, 30 s). */
export function codeAt(secret: string, step: number): string {
  return totpAt(secret, step * STEP_MS);
}
