/** The checks of the area network, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { discoveryCheck } from './discovery-announces-ports.js';
import { editionPortChecks, portFallbackCheck } from './ports-by-edition.js';

export const suite: AreaSuite = {
  area,
  checks: [discoveryCheck, ...editionPortChecks, portFallbackCheck],
};
