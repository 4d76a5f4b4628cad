/** The self-test's faulty variants of logins (logins.ts): "Trust this browser", the time a login started. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const LOGINS_FAULTS = {
  'trust-lasts-31-days': {
    // A trusted browser skips the code one day longer than the protocol's 30 days.
    trustedBrowserLifetimeMs: (rule) => () => rule() + 24 * 60 * 60_000,
  },
  'login-created-at-wall-clock': {
    // Stamps a new login with the machine's own time, not the clock every other decision reads.
    loginCreatedAt: () => () => Date.now(),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
