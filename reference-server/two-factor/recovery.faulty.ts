/** The self-test's faulty variants of recovery by SMS (recovery.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const RECOVERY_FAULTS = {
  'recovery-keeps-device': {
    // The login completes and a new registration comes back, but the recovered device stays registered.
    discardRecovered: () => () => undefined,
  },
  'wrong-phone-gets-sms': {
    // Sends the SMS code to whatever number is typed, the registered one or not.
    isRecoveryPhone: () => () => true,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
