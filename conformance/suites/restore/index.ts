/** The checks of the area restore by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { restoreChecks } from './selection.js';
import { accountsBackCheck } from './accounts-back.js';
import { restorePageChecks } from './main-page.js';
import { restoreExplorerChecks } from './explorer.js';
import { uiRestoreSelectionCheck } from './selection-screens.js';
import { uiRestorePageChecks } from './main-page-screens.js';
import { uiRestoreExplorerCheck } from './explorer-screens.js';
import { uiRestoreSdCardCheck } from './sd-card-screens.js';
import { uiRestoreTabChecks } from './tabs-screens.js';
import { completeSetChecks } from './complete-set-before-1-6.js';
import { uiCompleteSetChecks } from './complete-set-before-1-6-screens.js';

export const suite = defineSuite(area, {
  'selection.ts': [...restoreChecks],
  'accounts-back.ts': [accountsBackCheck],
  'main-page.ts': [...restorePageChecks],
  'explorer.ts': [...restoreExplorerChecks],
  'selection-screens.ts': [uiRestoreSelectionCheck],
  'main-page-screens.ts': [...uiRestorePageChecks],
  'explorer-screens.ts': [uiRestoreExplorerCheck],
  'sd-card-screens.ts': [uiRestoreSdCardCheck],
  'tabs-screens.ts': [...uiRestoreTabChecks],
  'complete-set-before-1-6.ts': [...completeSetChecks],
  'complete-set-before-1-6-screens.ts': [...uiCompleteSetChecks],
});
