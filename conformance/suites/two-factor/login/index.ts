/** The checks of the area tfa-login by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { firstLoginSetupOfferCheck } from './first-login-setup-offer.js';
import { loginStatesCheck } from './login-states.js';
import { loginTableWalkCheck } from './login-table-walk.js';

export const suite = defineSuite(area, {
  'login-states.ts': [loginStatesCheck],
  'login-table-walk.ts': [loginTableWalkCheck],
  'first-login-setup-offer.ts': [firstLoginSetupOfferCheck],
});
