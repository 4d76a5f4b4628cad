/** The checks of the area sources, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { backupSourcesChecks } from './offered-and-selected.js';
import { fileTypeChecks } from './file-types.js';
import { UI_BACKUP_SOURCE_CHECKS } from './offered-and-selected-screens.js';
import { UI_FILE_TYPE_CHECKS } from './file-types-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [...backupSourcesChecks, ...fileTypeChecks, ...UI_BACKUP_SOURCE_CHECKS, ...UI_FILE_TYPE_CHECKS],
};
