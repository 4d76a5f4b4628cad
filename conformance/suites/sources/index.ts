/** The checks of the area sources by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { backupSourcesChecks } from './offered-and-selected.js';
import { fileTypeChecks } from './file-types.js';
import { UI_BACKUP_SOURCE_CHECKS } from './offered-and-selected-screens.js';
import { uiTwoFactorSourceCheck } from './two-factor-accounts-screens.js';
import { UI_FILE_TYPE_CHECKS } from './file-types-screens.js';

export const suite = defineSuite(area, {
  'offered-and-selected.ts': [...backupSourcesChecks],
  'file-types.ts': [...fileTypeChecks],
  'offered-and-selected-screens.ts': [...UI_BACKUP_SOURCE_CHECKS],
  'two-factor-accounts-screens.ts': [uiTwoFactorSourceCheck],
  'file-types-screens.ts': [...UI_FILE_TYPE_CHECKS],
});
