/** The checks of the area backup, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { backupChecks } from './model-in-process.js';
import { uiBackupResumeCheck } from './model-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [...backupChecks, uiBackupResumeCheck],
};
