/** The checks of the area tfa-registration by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { registrationCheck, secretStrengthCheck } from './server-registration.js';
import { appRecoveryPhoneCheck, appRegisterQrCheck, appRegisterSecretCheck } from './app-registration.js';
import { uiNoCameraCheck, uiPushApprovalCheck } from './approve-and-no-camera-screens.js';
import { uiRegisterQrCheck, uiRegisterSecretCheck } from './app-registration-screens.js';
import { uiRecoveryPhoneCheck } from './recovery-phone-screens.js';
import { registrationLifetimeRealTimeCheck } from './lifetime-real-time.js';

export const suite = defineSuite(area, {
  'server-registration.ts': [registrationCheck, secretStrengthCheck],
  'app-registration.ts': [appRegisterQrCheck, appRegisterSecretCheck, appRecoveryPhoneCheck],
  'approve-and-no-camera-screens.ts': [uiPushApprovalCheck, uiNoCameraCheck],
  'app-registration-screens.ts': [uiRegisterQrCheck, uiRegisterSecretCheck],
  'recovery-phone-screens.ts': [uiRecoveryPhoneCheck],
  'lifetime-real-time.ts': [registrationLifetimeRealTimeCheck],
});
