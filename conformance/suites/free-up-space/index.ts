/** The checks of the area free-up-space, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { freeUpSpaceChecks } from './model-in-process.js';
import { uiFreeUpSpaceCheck } from './model-screens.js';
import { uiFreeUpSpaceIosCheck } from './ios-consent-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [...freeUpSpaceChecks, uiFreeUpSpaceCheck, uiFreeUpSpaceIosCheck],
};
