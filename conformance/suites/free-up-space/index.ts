/** The checks of the area free-up-space by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { recentlyDeletedCheck } from './ios-recently-deleted.js';
import { freeUpSpaceChecks } from './model-in-process.js';
import { boundariesCheck, limitsCheck } from './limits.js';
import { uiFreeUpSpaceCheck } from './model-screens.js';
import { uiFreeUpSpaceIosCheck } from './ios-consent-screens.js';
import { UI_FREE_UP_STATUS_CHECKS } from './status-screens.js';

export const suite = defineSuite(area, {
  'ios-recently-deleted.ts': [recentlyDeletedCheck],
  'model-in-process.ts': [...freeUpSpaceChecks],
  'limits.ts': [limitsCheck, boundariesCheck],
  'model-screens.ts': [uiFreeUpSpaceCheck],
  'ios-consent-screens.ts': [uiFreeUpSpaceIosCheck],
  'status-screens.ts': [...UI_FREE_UP_STATUS_CHECKS],
});
