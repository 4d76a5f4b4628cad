/** The self-test's faulty variant of telling failures apart (error-handler.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const ERROR_HANDLER_FAULTS = {
  'malformed-json-answered-500': {
    // Lets a body's JSON parse error through as an unexpected failure, as a hand-written JSON.parse that throws does.
    toMbsError: (rule) => (error) =>
      (error as { code?: unknown } | undefined)?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? undefined : rule(error),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
