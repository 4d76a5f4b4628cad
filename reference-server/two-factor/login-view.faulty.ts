/** The self-test's faulty variants of a login as the protocol shows it (login-view.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const LOGIN_VIEW_FAULTS = {
  'trusted-browser-unsaid': {
    // A trusted browser still skips the one-time code, but its login says no token came with it.
    saysTrusted: () => () => false,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
