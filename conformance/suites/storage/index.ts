/** The checks of the area storage, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { storageLayoutCheck } from './layout.js';

export const suite: AreaSuite = {
  area,
  checks: [storageLayoutCheck],
};
