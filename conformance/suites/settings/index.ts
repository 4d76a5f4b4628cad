/** The checks of the area settings by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { settingsChecks } from './pages-and-languages.js';
import { UI_SETTINGS_CHECKS } from './pages-and-languages-screens.js';

export const suite = defineSuite(area, {
  'pages-and-languages.ts': [...settingsChecks],
  'pages-and-languages-screens.ts': [...UI_SETTINGS_CHECKS],
});
