/** The checks of the area storage by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { storageLayoutCheck } from './layout.js';
import { storedAsCheck } from './stored-as.js';
import { storageDestinationDrivesCheck } from './destination-drives.js';
import { removedDeviceFilesCheck } from './removed-device-files.js';

export const suite = defineSuite(area, {
  'layout.ts': [storageLayoutCheck],
  'stored-as.ts': [storedAsCheck],
  'destination-drives.ts': [storageDestinationDrivesCheck],
  'removed-device-files.ts': [removedDeviceFilesCheck],
});
