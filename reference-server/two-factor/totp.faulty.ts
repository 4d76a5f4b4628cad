/** The self-test's faulty variants of checking a one-time password against a secret (totp.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { createHmac } from 'node:crypto';
import { ScureBase32Plugin } from 'otplib';
import { TOTP_PERIOD_MS, totpAt, type TotpCheck } from './totp.js';

/** The first answer that took the code, else the first that knew it (replayed), else the first. */
const bestOf = (checks: readonly TotpCheck[]): TotpCheck =>
  checks.find((c) => c.result === 'accepted') ??
  checks.find((c) => c.result === 'replayed') ??
  (checks[0] as TotpCheck);

const base32 = new ScureBase32Plugin();

/** A 6-digit code truncated from the HMAC's first four bytes, whatever the last byte's low nibble says. */
function codeFromFirstBytes(secret: string, timeStep: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(timeStep));
  const hmac = createHmac('sha1', base32.decode(secret)).update(counter).digest();
  return String((hmac.readUInt32BE(0) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

export const TOTP_FAULTS = {
  'otp-last-digit-ignored': {
    // Compares the first five digits only (a column or a comparison one digit short): the last digit is never read.
    checkTotp: (rule) => (secret, code, epochMs, lastTimeStep, steps) =>
      bestOf(
        Array.from({ length: 10 }, (_, d) => rule(secret, `${code.slice(0, 5)}${d}`, epochMs, lastTimeStep, steps)),
      ),
  },
  'totp-second-of-grace': {
    // Allows a second of network delay on top of the step of drift either side: the window reaches 31 s each way.
    checkTotp: (rule) => (secret, code, epochMs, lastTimeStep, steps) =>
      bestOf([0, -1000, 1000].map((delay) => rule(secret, code, epochMs + delay, lastTimeStep, steps))),
  },
  'otp-countdown-wall-clock': {
    // Counts the code prompt's step down on the machine's clock, not the clock every other decision reads.
    stepRemainingMs: (rule) => () => rule(Date.now()),
  },
  'otp-leading-zero-refused': {
    // Parses the entry as a number and compares it as text: "012345" becomes "12345" and matches no code.
    checkTotp: (rule) => (secret, code, epochMs, lastTimeStep, steps) =>
      code.startsWith('0') ? { result: 'invalid' } : rule(secret, code, epochMs, lastTimeStep, steps),
  },
  'hotp-truncation-fixed-offset': {
    // Takes the code from the HMAC's first four bytes: an entry is the step's code only where the offset is 0.
    checkTotp: (rule) => (secret, code, epochMs, lastTimeStep, steps) => {
      const [before, after] = steps ?? [1, 1];
      const now = Math.floor(epochMs / TOTP_PERIOD_MS);
      const window = Array.from({ length: before + after + 1 }, (_, i) => now - before + i);
      const step = window.find((s) => codeFromFirstBytes(secret, s) === code);
      if (step === undefined) return { result: 'invalid' };
      return rule(secret, totpAt(secret, step * TOTP_PERIOD_MS), epochMs, lastTimeStep, steps);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
