/** The self-test's faulty variant of the send limit (send-limit.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const SEND_LIMIT_FAULTS = {
  'sends-unlimited': {
    // Every code asked for goes out, however many in a row.
    sendLimit: (rule) => () => ({ ...rule(), maxSends: Number.POSITIVE_INFINITY }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
