/** The self-test's faulty variants of the password lock (password-lock.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const PASSWORD_LOCK_FAULTS = {
  'password-lock-shown-off': {
    // The lock works, but Settings and the answer that sets it say it is off, with no e-mail address.
    lockStatus: () => () => ({ set: false }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
