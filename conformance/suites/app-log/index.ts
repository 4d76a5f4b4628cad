/** The checks of the area app-log, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { appLogChecks } from './entries-and-filter.js';
import { UI_APP_LOG_CHECKS } from './entries-and-filter-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [...appLogChecks, ...UI_APP_LOG_CHECKS],
};
