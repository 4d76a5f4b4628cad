/** The checks of the area settings, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { settingsChecks } from './pages-and-languages.js';
import { UI_SETTINGS_CHECKS } from './pages-and-languages-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [...settingsChecks, ...UI_SETTINGS_CHECKS],
};
