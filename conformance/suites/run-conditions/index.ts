/** The checks of the area run-conditions, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { runConditionsCheck, uiRunConditionsCheck } from './backup-held.js';
import { restoreConditionsCheck } from './restore-held.js';
import { AUTOMATED_BACKUP_CHECKS } from './automated-backup.js';
import { lowBatteryMessageCheck } from './low-battery-message-screens.js';
import { UI_AUTOMATED_BACKUP_CHECKS } from './automated-backup-screens.js';
import { uiRestoreConditionsCheck } from './restore-held-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [
    runConditionsCheck,
    uiRunConditionsCheck,
    restoreConditionsCheck,
    ...AUTOMATED_BACKUP_CHECKS,
    lowBatteryMessageCheck,
    ...UI_AUTOMATED_BACKUP_CHECKS,
    uiRestoreConditionsCheck,
  ],
};
