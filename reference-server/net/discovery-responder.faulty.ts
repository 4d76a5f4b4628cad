/** The self-test's faulty variant of which discovery requests are answered (discovery-responder.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const DISCOVERY_FAULTS = {
  'discovery-answers-other-edition': {
    // Answers a request whatever edition it names, announcing its own.
    answersEdition: () => () => true,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
