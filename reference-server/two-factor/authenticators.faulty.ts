/** The self-test's faulty variants of one-time password acceptance (authenticators.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const AUTHENTICATORS_FAULTS = {
  'replayed-totp-accepted': {
    // Forgets the last time step accepted, so a code is accepted again.
    otpWindow: (rule) => (row) => ({ ...rule(row), lastTimeStep: -1 }),
  },
  'stale-totp-accepted': {
    // Opens a second step of drift either side.
    otpWindow: (rule) => (row) => ({ ...rule(row), toleranceSteps: 2 }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
