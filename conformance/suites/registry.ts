/** Every check of the kit, in the order a run runs them. */
import type { Check } from '../framework/check.js';
import { APP_UI_CHECKS } from './app-ui.js';
import { AUTOMATED_BACKUP_CHECKS } from './automated-backup.js';
import { uiBackupResumeCheck } from './backup-screens.js';
import { DEVICE_CHECKS } from './device-suites.js';
import { uiFreeUpSpaceCheck } from './free-up-space-screens.js';
import { PAIRING_CONNECTION_CHECKS } from './pairing-connection.js';
import { uiRestoreSelectionCheck } from './restore-screens.js';
import { runConditionsCheck, uiRunConditionsCheck } from './run-conditions.js';
import { restoreConditionsCheck } from './run-conditions-restore.js';
import { SERVER_CHECKS } from './server-suites.js';
import { TWO_FACTOR_CHECKS } from './two-factor-suites.js';

export const ALL_CHECKS: readonly Check[] = [
  ...SERVER_CHECKS,
  runConditionsCheck,
  restoreConditionsCheck,
  ...AUTOMATED_BACKUP_CHECKS,
  ...PAIRING_CONNECTION_CHECKS,
  ...DEVICE_CHECKS,
  ...TWO_FACTOR_CHECKS,
  ...APP_UI_CHECKS,
  uiRunConditionsCheck,
  uiBackupResumeCheck,
  uiFreeUpSpaceCheck,
  uiRestoreSelectionCheck,
];

const ids = ALL_CHECKS.map((c) => c.id);
const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
if (twice.length > 0) throw new Error(`Check ids must be unique: ${[...new Set(twice)].join(', ')}`);
