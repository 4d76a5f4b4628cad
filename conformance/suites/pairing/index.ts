/** The checks of the area pairing by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { pairingTokensCheck } from './tokens-and-device-list.js';
import { PAIRING_CONNECTION_CHECKS } from './connection.js';
import { uiConnectionAttemptingCheck, uiPairingConfirmationCheck } from './confirm-and-connect-screens.js';
import { UI_PAIRING_CONNECTION_CHECKS } from './connection-screens.js';
import { pairingTokenLifetimeRealTimeCheck } from './token-lifetime-real-time.js';
import { pairingAppLinkCheck } from './app-link.js';

export const suite = defineSuite(area, {
  'tokens-and-device-list.ts': [pairingTokensCheck],
  'app-link.ts': [pairingAppLinkCheck],
  'connection.ts': [...PAIRING_CONNECTION_CHECKS],
  'confirm-and-connect-screens.ts': [uiPairingConfirmationCheck, uiConnectionAttemptingCheck],
  'connection-screens.ts': [...UI_PAIRING_CONNECTION_CHECKS],
  'token-lifetime-real-time.ts': [pairingTokenLifetimeRealTimeCheck],
});
