/** The checks of the area os-limitations, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { documentsInternalOnly, iosHeifOnAndroid, itunesSync } from './left-out-of-backup.js';
import { androidMetadata, iosMetadata, restoreIosHeifOnAndroid } from './restored-files.js';
import { UI_OS_LIMITATION_CHECKS } from './left-out-of-backup-screens.js';
import { UI_OS_RESTORE_CHECKS } from './restored-files-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [
    documentsInternalOnly,
    iosHeifOnAndroid,
    itunesSync,
    restoreIosHeifOnAndroid,
    androidMetadata,
    iosMetadata,
    ...UI_OS_LIMITATION_CHECKS,
    ...UI_OS_RESTORE_CHECKS,
  ],
};
