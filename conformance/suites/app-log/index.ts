/** The checks of the area app-log by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { appLogChecks } from './entries-and-filter.js';
import { backupRegistrationCheck, failuresCheck, twoFactorRegistrationCheck } from './registrations-and-failures.js';
import { UI_APP_LOG_CHECKS } from './entries-and-filter-screens.js';
import { freeUpEntriesCheck } from './free-up-space-entries.js';

export const suite = defineSuite(area, {
  'entries-and-filter.ts': [...appLogChecks],
  'registrations-and-failures.ts': [backupRegistrationCheck, twoFactorRegistrationCheck, failuresCheck],
  'entries-and-filter-screens.ts': [...UI_APP_LOG_CHECKS],
  'free-up-space-entries.ts': [freeUpEntriesCheck],
});
