/** The checks of the area migration, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { migrationCheck } from './server-device-list.js';
import { migrationChecks } from './across-platforms.js';
import { migrationRepairCheck } from './two-factor-repair.js';
import { uiMigrationCheck } from './across-platforms-screens.js';
import { uiMigrationRepairCheck } from './two-factor-repair-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [migrationCheck, ...migrationChecks, migrationRepairCheck, uiMigrationCheck, uiMigrationRepairCheck],
};
