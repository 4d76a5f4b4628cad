/** The checks of the area tfa-registration, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { registrationCheck, secretStrengthCheck } from './server-registration.js';
import { appRecoveryPhoneCheck, appRegisterQrCheck, appRegisterSecretCheck } from './app-registration.js';
import { uiNoCameraCheck, uiPushApprovalCheck } from './approve-and-no-camera-screens.js';
import { uiRegisterQrCheck, uiRegisterSecretCheck } from './app-registration-screens.js';
import { uiRecoveryPhoneCheck } from './recovery-phone-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [
    registrationCheck,
    secretStrengthCheck,
    appRegisterQrCheck,
    appRegisterSecretCheck,
    appRecoveryPhoneCheck,
    uiPushApprovalCheck,
    uiNoCameraCheck,
    uiRegisterQrCheck,
    uiRegisterSecretCheck,
    uiRecoveryPhoneCheck,
  ],
};
