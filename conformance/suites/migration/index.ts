/** The checks of the area migration by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { migrationCheck } from './server-device-list.js';
import { migrationChecks } from './across-platforms.js';
import { pushMoves, totpRevoked } from './two-factor-after-repair.js';
import { migrationRepairCheck } from './two-factor-repair.js';
import { uiMigrationCheck } from './across-platforms-screens.js';
import { uiMigrationRepairCheck } from './two-factor-repair-screens.js';
import { migrationVersionsCheck } from './version-requirements.js';
import { uiReplacementSaysCheck } from './replacement-says-screens.js';

export const suite = defineSuite(area, {
  'server-device-list.ts': [migrationCheck],
  'across-platforms.ts': [...migrationChecks],
  'two-factor-after-repair.ts': [pushMoves, totpRevoked],
  'two-factor-repair.ts': [migrationRepairCheck],
  'across-platforms-screens.ts': [uiMigrationCheck],
  'two-factor-repair-screens.ts': [uiMigrationRepairCheck],
  'version-requirements.ts': [migrationVersionsCheck],
  'replacement-says-screens.ts': [uiReplacementSaysCheck],
});
