/** The checks of the area protocol by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { protocolIntegrityCheck } from './upload-integrity.js';
import { errorsConformanceCheck } from './errors-catalogued.js';
import { errorPrecedenceCheck } from './error-precedence.js';
import { emptyBodiesCheck } from './empty-bodies.js';
import { rangeDownloadsCheck } from './range-downloads.js';
import { conformanceClockCheck } from './conformance-clock.js';
import { strictBodiesCheck } from './strict-bodies.js';
import { uploadRefusalsCheck } from './upload-refusals.js';
import { devicesApartCheck } from './devices-apart.js';
import { editedFileCheck } from './edited-file.js';

export const suite = defineSuite(area, {
  'upload-integrity.ts': [protocolIntegrityCheck],
  'errors-catalogued.ts': [errorsConformanceCheck],
  'error-precedence.ts': [errorPrecedenceCheck],
  'empty-bodies.ts': [emptyBodiesCheck],
  'range-downloads.ts': [rangeDownloadsCheck],
  'conformance-clock.ts': [conformanceClockCheck],
  'strict-bodies.ts': [strictBodiesCheck],
  'upload-refusals.ts': [uploadRefusalsCheck],
  'devices-apart.ts': [devicesApartCheck],
  'edited-file.ts': [editedFileCheck],
});
