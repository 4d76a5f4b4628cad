/** The self-test's faulty variants of request validation (validation.ts): bodies read leniently. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const VALIDATION_FAULTS = {
  'unknown-body-keys-accepted': {
    // Drops the keys a body's schema does not know instead of refusing the body.
    valueToCheck: (rule) => (validator, data, httpPart) =>
      rule(validator, httpPart === 'body' ? validator.Clean(structuredClone(data)) : data, httpPart),
  },
  'body-types-coerced': {
    // Converts a body's values to the schema's types ("5" for 5, "true" for true), as it does for a query.
    valueToCheck: (rule) => (validator, data, httpPart) =>
      rule(validator, data, httpPart === 'body' ? 'querystring' : httpPart),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
