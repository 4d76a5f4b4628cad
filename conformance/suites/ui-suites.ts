/**
 * The app suites through the app's screens (tag `ui`): over WebDriver (`--via appium`, `--via emulator`) they are
 * how the app is judged; in process most do not apply, since the model checks of the same rules run on the app
 * model at a fraction of the cost. Each names the rules its screens show and leaves the rest to the model checks.
 */
import type { Check } from '../framework/check.js';
import { APP_UI_CHECKS } from './app-ui.js';
import { uiBackupResumeCheck } from './backup-screens.js';
import { uiFreeUpSpaceCheck } from './free-up-space-screens.js';
import { uiRestoreSelectionCheck } from './restore-screens.js';
import { uiRunConditionsCheck } from './run-conditions.js';
import { uiAccountsModelCheck } from './ui-2fa-accounts.js';
import { uiEnhancedSecurityCheck } from './ui-2fa-enhanced-security.js';
import { UI_2FA_PUSH_CHECKS } from './ui-2fa-push.js';
import { UI_APP_LOG_CHECKS } from './ui-app-log.js';
import { UI_BACKUP_SOURCE_CHECKS } from './ui-backup-sources.js';
import { UI_FILE_TYPE_CHECKS } from './ui-file-types.js';
import { uiFreeUpSpaceIosCheck } from './ui-free-up-space-ios.js';
import { uiMigrationCheck } from './ui-migration.js';
import { uiMigrationRepairCheck } from './ui-migration-repair.js';
import { UI_OS_LIMITATION_CHECKS } from './ui-os-limitations.js';
import { UI_PAIRING_CONNECTION_CHECKS } from './ui-pairing-connection.js';
import { UI_OS_RESTORE_CHECKS } from './ui-os-limitations-restore.js';
import { UI_PLATFORM_CHECKS } from './ui-platforms.js';
import { uiRestoreExplorerCheck } from './ui-restore-explorer.js';
import { UI_AUTOMATED_BACKUP_CHECKS } from './ui-run-automated-backup.js';
import { uiRestoreConditionsCheck } from './ui-run-conditions-restore.js';
import { uiRestorePageChecks } from './ui-restore-page.js';
import { uiRestoreSdCardCheck } from './ui-restore-sd-card.js';
import { uiRestoreTabChecks } from './ui-restore-tabs.js';
import { UI_SETTINGS_CHECKS } from './ui-settings.js';
import { uiRecoveryPhoneCheck } from './ui-two-factor-recovery.js';
import { uiRegisterQrCheck, uiRegisterSecretCheck } from './ui-two-factor-register.js';

export const UI_CHECKS: readonly Check[] = [
  ...APP_UI_CHECKS,
  ...UI_PAIRING_CONNECTION_CHECKS,
  ...UI_AUTOMATED_BACKUP_CHECKS,
  ...UI_PLATFORM_CHECKS,
  ...UI_SETTINGS_CHECKS,
  ...UI_BACKUP_SOURCE_CHECKS,
  ...UI_FILE_TYPE_CHECKS,
  ...UI_OS_LIMITATION_CHECKS,
  uiRunConditionsCheck,
  uiRestoreConditionsCheck,
  uiBackupResumeCheck,
  uiFreeUpSpaceCheck,
  uiFreeUpSpaceIosCheck,
  uiRestoreSelectionCheck,
  ...uiRestorePageChecks,
  uiRestoreExplorerCheck,
  uiRestoreSdCardCheck,
  ...uiRestoreTabChecks,
  ...UI_OS_RESTORE_CHECKS,
  uiMigrationCheck,
  uiMigrationRepairCheck,
  ...UI_APP_LOG_CHECKS,
  uiRegisterQrCheck,
  uiRegisterSecretCheck,
  uiRecoveryPhoneCheck,
  uiAccountsModelCheck,
  ...UI_2FA_PUSH_CHECKS,
  uiEnhancedSecurityCheck,
];
