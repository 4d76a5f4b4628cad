/** The checks of the area pairing, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../kit/area.js';
import { area } from './area.js';
import { pairingTokensCheck } from './tokens-and-device-list.js';
import { PAIRING_CONNECTION_CHECKS } from './connection.js';
import { uiConnectionAttemptingCheck, uiPairingConfirmationCheck } from './confirm-and-connect-screens.js';
import { UI_PAIRING_CONNECTION_CHECKS } from './connection-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [
    pairingTokensCheck,
    ...PAIRING_CONNECTION_CHECKS,
    uiPairingConfirmationCheck,
    uiConnectionAttemptingCheck,
    ...UI_PAIRING_CONNECTION_CHECKS,
  ],
};
