/** The self-test's faulty variant of the route handlers (handlers.ts): downloads without ranges. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const HANDLERS_FAULTS = {
  'range-ignored': {
    // Answers every download from its first byte, 200 with the whole body, whatever Range asked for.
    rangeStart: () => () => 0,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
