/** The checks of the area platforms, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { platformChecks } from './install-and-first-launch.js';
import { UI_PLATFORM_CHECKS } from './install-and-first-launch-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [...platformChecks, ...UI_PLATFORM_CHECKS],
};
