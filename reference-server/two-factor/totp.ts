/**
 * TOTP (RFC 6238) and HOTP (RFC 4226) through otplib: SHA1, 6 digits, 30 s steps from T0 = 0. The server accepts
 * the current step and one either side, and each authenticator's codes at most once: a code is accepted only for
 * a time step after the last one accepted from that authenticator. The synchronous calls keep a check and the
 * write that records it in one turn of the event loop, so two requests can never both use one code.
 */
import { createGuardrails, generateSync, ScureBase32Plugin, verifySync } from 'otplib';
import { randomBytesOf } from '../services/randomness.js';

/** The seed's 16-character base32 secret is 10 bytes, below otplib's default minimum of 16. */
export const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
export const TOTP_PERIOD_MS = 30_000;
/** Seconds either side of now: with 30 s steps, exactly one step of drift each way. */
const EPOCH_TOLERANCE_S = 30;

const base32 = new ScureBase32Plugin();

/** A fresh secret key: 10 random bytes, 16 base32 characters (seed 000 §6.3.1), from the server's randomness. */
export function newTotpSecret(): string {
  return base32.encode(randomBytesOf(10), { padding: false });
}

export function totpAt(secret: string | Uint8Array, epochMs: number, digits: 6 | 8 = 6): string {
  return generateSync({ secret, epoch: epochMs / 1000, digits, guardrails });
}

export function hotpAt(secret: string | Uint8Array, counter: number, digits: 6 | 8 = 6): string {
  return generateSync({ strategy: 'hotp', secret, counter, digits, guardrails });
}

/** Time left in the current 30 s step: the countdown beside the one-time password field. */
export function stepRemainingMs(epochMs: number): number {
  return TOTP_PERIOD_MS - (epochMs % TOTP_PERIOD_MS);
}

export type TotpCheck =
  { readonly result: 'accepted'; readonly timeStep: number } | { readonly result: 'replayed' | 'invalid' };

/**
 * Checks a code against a secret at `epochMs`; `lastTimeStep` (-1 for none) is the last step accepted, and
 * `steps` how many steps before and after the current one a code may be from.
 */
export function checkTotp(
  secret: string,
  code: string,
  epochMs: number,
  lastTimeStep: number,
  steps: readonly [before: number, after: number] = [1, 1],
): TotpCheck {
  const epochTolerance: [number, number] = [EPOCH_TOLERANCE_S * steps[0], EPOCH_TOLERANCE_S * steps[1]];
  const options = { secret, token: code, epoch: epochMs / 1000, epochTolerance, guardrails };
  try {
    const fresh = verifySync(lastTimeStep >= 0 ? { ...options, afterTimeStep: lastTimeStep } : options);
    if (fresh.valid && 'timeStep' in fresh) return { result: 'accepted', timeStep: fresh.timeStep };
    return verifySync(options).valid ? { result: 'replayed' } : { result: 'invalid' };
  } catch {
    // otplib throws on a token that is not 6 digits; the schema lets none through, and it would be wrong anyway.
    return { result: 'invalid' };
  }
}
