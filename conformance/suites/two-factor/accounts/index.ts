/** The checks of the area tfa-accounts by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { accountsModelCheck } from './model-in-process.js';
import { uiAccountsModelCheck } from './model-screens.js';

export const suite = defineSuite(area, {
  'model-in-process.ts': [accountsModelCheck],
  'model-screens.ts': [uiAccountsModelCheck],
});
