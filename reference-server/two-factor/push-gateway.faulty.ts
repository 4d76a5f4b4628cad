/** The self-test's faulty variant of the push service's reachability (push-gateway.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const PUSH_GATEWAY_FAULTS = {
  'push-offered-without-service': {
    // Never asks the push service: every login offers push approval, reachable or not.
    pushServiceReachable: () => async () => true,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
