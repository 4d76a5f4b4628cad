/** The checks of the area os-limitations by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { documentsInternalOnly, iosHeifOnAndroid, itunesSync } from './left-out-of-backup.js';
import { androidMetadata, iosMetadata, restoreIosHeifOnAndroid } from './restored-files.js';
import { UI_OS_LIMITATION_CHECKS } from './left-out-of-backup-screens.js';
import { UI_OS_RESTORE_CHECKS } from './restored-files-screens.js';

export const suite = defineSuite(area, {
  'left-out-of-backup.ts': [documentsInternalOnly, iosHeifOnAndroid, itunesSync],
  'restored-files.ts': [restoreIosHeifOnAndroid, androidMetadata, iosMetadata],
  'left-out-of-backup-screens.ts': [...UI_OS_LIMITATION_CHECKS],
  'restored-files-screens.ts': [...UI_OS_RESTORE_CHECKS],
});
