/** The self-test's faulty variants of checking a one-time password against a secret (totp.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import type { TotpCheck } from './totp.js';

/** The first answer that took the code, else the first that knew it (replayed), else the first. */
const bestOf = (checks: readonly TotpCheck[]): TotpCheck =>
  checks.find((c) => c.result === 'accepted') ??
  checks.find((c) => c.result === 'replayed') ??
  (checks[0] as TotpCheck);

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
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
