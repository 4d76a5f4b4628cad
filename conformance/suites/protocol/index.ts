/** The checks of the area protocol, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { protocolIntegrityCheck } from './upload-integrity.js';
import { errorsConformanceCheck } from './errors-catalogued.js';

export const suite: AreaSuite = {
  area,
  checks: [protocolIntegrityCheck, errorsConformanceCheck],
};
