/** The self-test's faulty variant of "Trust this browser" (logins.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const LOGINS_FAULTS = {
  'trust-lasts-31-days': {
    // A trusted browser skips the code one day longer than the protocol's 30 days.
    trustedBrowserLifetimeMs: (rule) => () => rule() + 24 * 60 * 60_000,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
