/** The checks of the area run-conditions by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { runConditionsCheck, uiRunConditionsCheck } from './backup-held.js';
import { restoreConditionsCheck } from './restore-held.js';
import { AUTOMATED_BACKUP_CHECKS } from './automated-backup.js';
import { lowBatteryMessageCheck } from './low-battery-message-screens.js';
import { UI_AUTOMATED_BACKUP_CHECKS } from './automated-backup-screens.js';
import { uiRestoreConditionsCheck } from './restore-held-screens.js';
import { serverWithoutInternetCheck } from './server-without-internet.js';

export const suite = defineSuite(area, {
  'backup-held.ts': [runConditionsCheck, uiRunConditionsCheck],
  'restore-held.ts': [restoreConditionsCheck],
  'automated-backup.ts': [...AUTOMATED_BACKUP_CHECKS],
  'low-battery-message-screens.ts': [lowBatteryMessageCheck],
  'automated-backup-screens.ts': [...UI_AUTOMATED_BACKUP_CHECKS],
  'restore-held-screens.ts': [uiRestoreConditionsCheck],
  'server-without-internet.ts': [serverWithoutInternetCheck],
});
