/** Every check of the kit, in the order a run runs them. */
import type { Check } from '../framework/check.js';
import { AUTOMATED_BACKUP_CHECKS } from './automated-backup.js';
import { DEVICE_CHECKS } from './device-suites.js';
import { PAIRING_CONNECTION_CHECKS } from './pairing-connection.js';
import { runConditionsCheck } from './run-conditions.js';
import { restoreConditionsCheck } from './run-conditions-restore.js';
import { SERVER_CHECKS } from './server-suites.js';
import { TWO_FACTOR_CHECKS } from './two-factor-suites.js';
import { UI_CHECKS } from './ui-suites.js';

export const ALL_CHECKS: readonly Check[] = [
  ...SERVER_CHECKS,
  runConditionsCheck,
  restoreConditionsCheck,
  ...AUTOMATED_BACKUP_CHECKS,
  ...PAIRING_CONNECTION_CHECKS,
  ...DEVICE_CHECKS,
  ...TWO_FACTOR_CHECKS,
  ...UI_CHECKS,
];

const ids = ALL_CHECKS.map((c) => c.id);
const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
if (twice.length > 0) throw new Error(`Check ids must be unique: ${[...new Set(twice)].join(', ')}`);
