/** The checks of the area network by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { discoveryCheck } from './discovery-announces-ports.js';
import { editionPortChecks, portFallbackCheck } from './ports-by-edition.js';
import { pushServiceBlockedCheck } from './push-service-blocked.js';

export const suite = defineSuite(area, {
  'discovery-announces-ports.ts': [discoveryCheck],
  'ports-by-edition.ts': [...editionPortChecks, portFallbackCheck],
  'push-service-blocked.ts': [pushServiceBlockedCheck],
});
