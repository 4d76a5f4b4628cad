/** TOTP codes as the app shows them (RFC 6238: SHA1, 6 digits, 30 s), at the simulated clock's time. */
import { createHmac } from 'node:crypto';
import { createGuardrails, generateSync, ScureBase32Plugin } from 'otplib';

/** The seed's secret keys are 16 base32 characters (10 bytes), below otplib's default minimum of 16 bytes. */
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export const PERIOD_MS = 30_000;

/**
 * The key of each secret otplib has made a code from, and so accepted. otplib takes 13-25 µs a code (it checks and
 * decodes the secret each time, and hashes in JavaScript); node:crypto on the decoded key about 3 µs, and the app
 * makes a code for every account each time its 2FA page opens. A secret otplib refuses is never kept, so it is
 * refused every time.
 */
const keys = new Map<string, Buffer>();
const base32 = new ScureBase32Plugin();
/** Instants otplib takes without a doubt: from 1970 to well past any simulated clock. */
const LAST_EPOCH = 2 ** 40;

export function totpAt(secret: string, epochMs: number): string {
  const epoch = Math.floor(epochMs / 1000);
  const key = keys.get(secret);
  if (key !== undefined && epoch >= 0 && epoch <= LAST_EPOCH) return hotp(key, Math.floor(epoch / 30));
  const code = generateSync({ secret, epoch, guardrails });
  keepKey(secret, Math.floor(epoch / 30), code);
  return code;
}

/** Keeps the secret's key once otplib's code for `counter` is the one the key gives: the same codes either way. */
function keepKey(secret: string, counter: number, code: string): void {
  let key: Buffer;
  try {
    key = Buffer.from(base32.decode(secret));
  } catch {
    return;
  }
  if (hotp(key, counter) !== code) return;
  if (keys.size >= 10_000) keys.clear();
  keys.set(secret, key);
}

/** RFC 4226's HOTP: HMAC-SHA1 of the counter, dynamically truncated to 6 digits. */
function hotp(key: Buffer, counter: number): string {
  const moving = Buffer.alloc(8);
  moving.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  moving.writeUInt32BE(counter % 2 ** 32, 4);
  const mac = createHmac('sha1', key).update(moving).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
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
