/** The self-test's faulty variants of the first login's offer to set up 2FA (setup-offer.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const SETUP_OFFER_FAULTS = {
  'no-first-login-setup-offer': {
    // The first login ends logged in without offering to set up 2FA.
    offersTwoFactorSetup: () => () => false,
  },
  'setup-offer-skip-ignored': {
    // Skipping the offer records nothing: every later login offers the set-up again.
    skipTwoFactorSetup: () => () => undefined,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
