/** The self-test's faulty variant of the entry a registration for 2FA writes (registration-log.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const REGISTRATION_LOG_FAULTS = {
  'secret-key-registration-logged-as-general': {
    // Only the QR code's registration counts as 2FA; the secret key's is logged as General Info.
    registrationLogEntry: (rule) => (registration) => {
      const entry = rule(registration);
      return registration.how === 'secret-key' ? { ...entry, category: 'General' } : entry;
    },
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
