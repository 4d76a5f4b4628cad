/** Every device-scope check of the areas BAK, RST, RFE, MIG, FUS, SRC, FTYPE, LIM, SET, LOG and PLAT. */
import type { Check } from '../framework/check.js';
import { appLogChecks } from './app-log.js';
import { backupChecks } from './backup.js';
import { backupSourcesChecks } from './backup-sources.js';
import { fileTypeChecks } from './file-types.js';
import { freeUpSpaceChecks } from './free-up-space.js';
import { migrationChecks } from './migration.js';
import { osLimitationChecks } from './os-limitations.js';
import { platformChecks } from './platforms.js';
import { restoreChecks } from './restore.js';
import { restoreExplorerChecks } from './restore-explorer.js';
import { restorePageChecks } from './restore-main-page.js';
import { settingsChecks } from './settings.js';

export const DEVICE_CHECKS: Check[] = [
  ...platformChecks,
  ...backupSourcesChecks,
  ...fileTypeChecks,
  ...osLimitationChecks,
  ...backupChecks,
  ...freeUpSpaceChecks,
  ...restoreChecks,
  ...restorePageChecks,
  ...restoreExplorerChecks,
  ...migrationChecks,
  ...settingsChecks,
  ...appLogChecks,
];
