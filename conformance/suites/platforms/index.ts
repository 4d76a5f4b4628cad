/** The checks of the area platforms by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { platformChecks } from './install-and-first-launch.js';
import { UI_PLATFORM_CHECKS } from './install-and-first-launch-screens.js';
import { tabletsCheck } from './tablets.js';

export const suite = defineSuite(area, {
  'install-and-first-launch.ts': [...platformChecks],
  'install-and-first-launch-screens.ts': [...UI_PLATFORM_CHECKS],
  'tablets.ts': [tabletsCheck],
});
