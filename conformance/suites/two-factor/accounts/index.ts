/** The checks of the area tfa-accounts, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { accountsModelCheck } from './model-in-process.js';
import { uiAccountsModelCheck } from './model-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [accountsModelCheck, uiAccountsModelCheck],
};
