/** TOTP codes as the app shows them (RFC 6238: SHA1, 6 digits, 30 s), at the simulated clock's time. */
import { createGuardrails, generateSync } from 'otplib';

/** The seed's secret keys are 16 base32 characters (10 bytes), below otplib's default minimum of 16 bytes. */
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export const PERIOD_MS = 30_000;

export function totpAt(secret: string, epochMs: number): string {
  return generateSync({ secret, epoch: Math.floor(epochMs / 1000), guardrails });
}

/** Seconds left before the code shown at `epochMs` changes (the countdown beside it). */
export function secondsLeft(epochMs: number): number {
  return Math.ceil((PERIOD_MS - (epochMs % PERIOD_MS)) / 1000);
}

/**
 * The code the 2FA page shows for `secret` at `epochMs`: the RFC 6238 code of that instant, computed on the phone,
 * so the same with or without a network (TOTP-03, TOTP-07).
 */
export function shownCode(secret: string, epochMs: number, _online: boolean): string {
  return totpAt(secret, epochMs);
}
