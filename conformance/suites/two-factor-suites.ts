/** Every two-factor authentication check, server side first, then the app side, in the order a run runs them. */
import type { Check } from '../framework/check.js';
import { accountsModelCheck } from './accounts-model.js';
import { appPushCheck } from './app-push.js';
import { enhancedSecurityCheck } from './enhanced-security.js';
import { loginStatesCheck } from './login.js';
import { passwordLockCheck } from './password-lock.js';
import { loginPushModelCheck } from './push.js';
import { recoveryCheck } from './recovery.js';
import { totpWindowCheck } from './totp.js';
import { resetCheck, trustedBrowserCheck } from './trust-and-reset.js';
import { appRecoveryPhoneCheck, appRegisterQrCheck, appRegisterSecretCheck } from './two-factor-accounts.js';
import { editionOffersChecks, homeRefusesCheck } from './two-factor-editions.js';
import { migrationRepairCheck } from './two-factor-migration.js';
import { registrationCheck, secretStrengthCheck } from './two-factor-registration.js';

export const TWO_FACTOR_CHECKS: Check[] = [
  homeRefusesCheck,
  ...editionOffersChecks,
  registrationCheck,
  secretStrengthCheck,
  totpWindowCheck,
  loginStatesCheck,
  loginPushModelCheck,
  trustedBrowserCheck,
  resetCheck,
  recoveryCheck,
  passwordLockCheck,
  appRegisterQrCheck,
  appRegisterSecretCheck,
  appRecoveryPhoneCheck,
  accountsModelCheck,
  appPushCheck,
  enhancedSecurityCheck,
  migrationRepairCheck,
];
