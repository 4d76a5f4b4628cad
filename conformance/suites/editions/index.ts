/** The checks of the area editions, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { editionFeatureChecks } from './features-by-edition.js';
import { editionOffersChecks, homeRefusesCheck } from './two-factor-by-edition.js';

export const suite: AreaSuite = {
  area,
  checks: [...editionFeatureChecks, homeRefusesCheck, ...editionOffersChecks],
};
