/** The checks of the area backup by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { backupChecks } from './model-in-process.js';
import { uiBackupResumeCheck } from './model-screens.js';
import { backupNemesisCheck } from './nemesis-check.js';
import { settledRulesCheck } from './settled-rules.js';

export const suite = defineSuite(area, {
  'model-in-process.ts': [...backupChecks],
  'model-screens.ts': [uiBackupResumeCheck],
  'settled-rules.ts': [settledRulesCheck],
  'nemesis-check.ts': [backupNemesisCheck],
});
