/**
 * How the device-scope checks judge what they see: expectations that throw a Violation naming the requirements
 * they hold the app to, and a TOTP computed here rather than taken from the app under test.
 */
import { createHmac } from 'node:crypto';
import { Violation } from './violation.js';

/**
 * Throws a Violation naming `requirements` unless `actual` equals `expected` as JSON values: arrays in order,
 * objects by their keys in any order (the protocol fixes no order of an object's keys, so a server's is no difference).
 */
export function expectEqual(requirements: readonly string[], what: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  // The same text is the common case; only texts that differ are compared again with their keys sorted.
  if (a === e || canonical(actual) === canonical(expected)) return;
  throw new Violation(requirements, `${what}: got ${a}, expected ${e}`);
}

/** JSON with every object's keys sorted: two values compare equal whatever order a server writes keys in. */
export function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function expectTrue(requirements: readonly string[], condition: boolean, message: string): void {
  if (!condition) throw new Violation(requirements, message);
}

export const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** RFC 6238 (SHA1, 6 digits, 30 s), written here so that the checks do not trust the app's own TOTP code. */
export function totp(secretBase32: string, epochMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochMs / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
