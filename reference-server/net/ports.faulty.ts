/** The self-test's faulty variant of the edition's port range (ports.ts). */
import { EDITION_NAMES, type Edition } from '../../conformance/spec/editions.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const PORTS_FAULTS = {
  'wrong-default-ports': {
    // Looks for its port in the next edition's range (Pro in Lite's, Lite in Home's, Home in Pro's).
    editionTcpRange: (rule) => (edition) => rule(nextEdition(edition)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

function nextEdition(edition: Edition): Edition {
  return EDITION_NAMES[(EDITION_NAMES.indexOf(edition) + 1) % EDITION_NAMES.length] as Edition;
}
