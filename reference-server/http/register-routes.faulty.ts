/** The self-test's faulty variants of a route's request checks (register-routes.ts). */
import { Empty } from '../../conformance/spec/protocol/common.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const REGISTER_ROUTES_FAULTS = {
  'authentication-after-validation': {
    // Authenticates only once the body has passed its type and schema, so a bad body outranks a bad key.
    authenticatesFirst: () => () => false,
  },
  'empty-body-accepted': {
    // Takes a POST whose body schema is empty with no body and no content type, as if it were {}.
    contentTypeCheck: (rule) => (spec, request) => {
      if (spec.body !== Empty || request.headers['content-type'] !== undefined) return rule(spec, request);
      request.body = {};
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
