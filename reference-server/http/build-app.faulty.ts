/** The self-test's faulty variant of which editions serve 2FA (build-app.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const BUILD_APP_FAULTS = {
  'two-factor-on-home': {
    // Serves the 2FA routes on every edition, Home included.
    servesTwoFactor: () => () => true,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
