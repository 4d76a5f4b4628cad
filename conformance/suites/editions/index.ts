/** The checks of the area editions by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { editionFeatureChecks } from './features-by-edition.js';
import { editionOffersChecks, homeRefusesCheck } from './two-factor-by-edition.js';

export const suite = defineSuite(area, {
  'features-by-edition.ts': [...editionFeatureChecks],
  'two-factor-by-edition.ts': [homeRefusesCheck, ...editionOffersChecks],
});
