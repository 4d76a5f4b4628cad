/**
 * The self-test's faulty variants of logins (logins.ts): "Trust this browser", the time a login started, the
 * authenticators a code is checked against read a turn before the check.
 */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { afterRoundTrip } from '../services/round-trip.js';

export const LOGINS_FAULTS = {
  'trust-lasts-31-days': {
    // A trusted browser skips the code one day longer than the protocol's 30 days.
    trustedBrowserLifetimeMs: (rule) => () => rule() + 24 * 60 * 60_000,
  },
  'login-created-at-wall-clock': {
    // Stamps a new login with the machine's own time, not the clock every other decision reads.
    loginCreatedAt: () => () => Date.now(),
  },
  'totp-accepted-twice-at-once': {
    // Reads the authenticators, then waits on a round trip (a vendor's asynchronous database) before checking the
    // code against what it read and writing the step: two logins sent the same code at once both pass the check.
    otpCandidates: (rule) => (ctx, authenticatorId) => afterRoundTrip(rule(ctx, authenticatorId)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
