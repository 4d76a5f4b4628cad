/** The self-test's faulty variants of the outbox (gateway.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const GATEWAY_FAULTS = {
  'outbox-last-stuck': {
    // A page's `last` stays where the reader asked from, so going on from it reads the same messages again.
    listOutbox: (rule) => (db, after, limit) => ({ ...rule(db, after, limit), last: after }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
