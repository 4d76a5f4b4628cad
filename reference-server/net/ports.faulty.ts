/** The self-test's faulty variant of the edition's port range (ports.ts). */
import { EDITION_NAMES, type Edition } from '../../conformance/spec/editions.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { editionTcpRange } from './ports.js';

export const PORTS_FAULTS = {
  'wrong-default-ports': {
    // Looks for its port in the next edition's range (Pro in Lite's, Lite in Home's, Home in Pro's).
    editionTcpRange: (rule) => (edition) => rule(nextEdition(edition)),
  },
  'port-range-cut-short': {
    // Takes every edition's TCP range as 100 ports: Lite's 51000-51299 ends at 51099.
    editionTcpRange: (rule) => (edition) => {
      const range = rule(edition);
      return { first: range.first, last: Math.min(range.last, range.first + 99) };
    },
  },
  'port-range-overrun': {
    // Goes on past the end of its edition's TCP range when every port of it is taken (Pro's 50099 to 50100...).
    editionTcpRange: (rule) => (edition) => {
      const range = rule(edition);
      return { first: range.first, last: range.last + 20 };
    },
  },
  'lite-udp-past-tcp-range': {
    // Takes the overlap of Lite's ranges for a typo: its UDP range follows its TCP one, 51300-51399.
    editionUdpRange: (rule) => (edition) => (edition === 'lite' ? { first: 51300, last: 51399 } : rule(edition)),
  },
  'home-udp-on-tcp-numbers': {
    // Home listens for discovery on its TCP numbers (52000-52099), as if one number served both protocols.
    editionUdpRange: (rule) => (edition) => (edition === 'home' ? editionTcpRange(edition) : rule(edition)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

function nextEdition(edition: Edition): Edition {
  return EDITION_NAMES[(EDITION_NAMES.indexOf(edition) + 1) % EDITION_NAMES.length] as Edition;
}
