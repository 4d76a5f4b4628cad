/** The self-test's faulty variant of which discovery requests are answered (discovery-responder.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { editionTcpRange } from './ports.js';

export const DISCOVERY_FAULTS = {
  'discovery-answers-other-edition': {
    // Answers a request whatever edition it names, announcing its own.
    answersEdition: () => () => true,
  },
  'discovery-announces-default-port': {
    // Announces the TCP port of its settings, the edition's default, not the one it took when the default was busy.
    discoveryAnswer: (rule) => (request, identity) => ({
      ...rule(request, identity),
      tcpPort: editionTcpRange(identity.edition).first,
    }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
