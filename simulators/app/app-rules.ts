/**
 * The app model's rules that the kit's self-test may bend, as one object the app is assembled with at install: the
 * straight rules, each written in the module it belongs to, or in place of one a faulty variant's override. Each
 * override lives in a `<module>.faulty.ts` beside the rule it bends and is keyed by its name in the catalogue
 * (conformance/spec/faults.ts); the map below must name every app variant of the catalogue and no other.
 */
import type { AppFault } from '../../conformance/spec/faults.js';
import { withOverrides, type RuleOverride } from '../../conformance/spec/rule-overrides.js';
import { firstLaunchPermissions, helpPage, initialLanguage, menuItems } from './app-info.js';
import { APP_INFO_FAULTS } from './app-info.faulty.js';
import { passwordLink } from './authenticator/password-link.js';
import { PASSWORD_LINK_FAULTS } from './authenticator/password-link.faulty.js';
import { registrationLogEntry } from './authenticator/registration-log.js';
import { REGISTRATION_LOG_FAULTS } from './authenticator/registration-log.faulty.js';
import { securityToast } from './authenticator/security-toast.js';
import { SECURITY_TOAST_FAULTS } from './authenticator/security-toast.faulty.js';
import { formatResult } from './backup-result-line.js';
import { BACKUP_RESULT_LINE_FAULTS } from './backup-result-line.faulty.js';
import { exclusionReason, fileKind, pairedSources, updateSources } from './backup-sources.js';
import { BACKUP_SOURCES_FAULTS } from './backup-sources.faulty.js';
import {
  archivedOnServer,
  asksConsentToFree,
  emptiesRecentlyDeleted,
  freesUpSpace,
} from './free-up-space-on-device.js';
import { FREE_UP_SPACE_ON_DEVICE_FAULTS } from './free-up-space-on-device.faulty.js';
import { FREE_UP_RULES, type FreeUpRules } from './free-up-space.js';
import { FREE_UP_SPACE_FAULTS } from './free-up-space.faulty.js';
import { limitSetOn } from './free-up-limit-picker.js';
import { FREE_UP_LIMIT_PICKER_FAULTS } from './free-up-limit-picker.faulty.js';
import { freeUpLogEntry, freeUpNote, freeUpStatusText, freeUpToast } from './free-up-space-texts.js';
import { FREE_UP_SPACE_TEXTS_FAULTS } from './free-up-space-texts.faulty.js';
import { backsUpByItself, offeredUnpaired, resumesByItself, stopOffered } from './job-control.js';
import { JOB_CONTROL_FAULTS } from './job-control.faulty.js';
import { migrationCompletedText, pairedText, replacementPairedText } from './pairing-texts.js';
import { PAIRING_TEXTS_FAULTS } from './pairing-texts.faulty.js';
import {
  needsSdCardPermission,
  reportedAs,
  restoredAccounts,
  restoredDetails,
  restoredPlace,
  restoreSkips,
  resumeAt,
} from './restore-job.js';
import { RESTORE_JOB_FAULTS } from './restore-job.faulty.js';
import { restoreOption } from './restore-option.js';
import { RESTORE_PAGE_RULES, type RestorePageRules } from './restore-page.js';
import { RESTORE_PAGE_FAULTS } from './restore-page.faulty.js';
import { RESTORE_OPTION_FAULTS } from './restore-option.faulty.js';
import { RESTORE_SELECTION_FAULTS } from './restore-selection.faulty.js';
import { restoreScope } from './restore-scope.js';
import { RESTORE_SCOPE_FAULTS } from './restore-scope.faulty.js';
import { holdMessage, holdReasons, onBackupLan } from './run-conditions.js';
import { archivedAtCommit, freesUpAfterUploads, runningJobMeets } from './backup-job.js';
import { listedTabs, listsAfresh, listsServerItem } from './restorable-items.js';
import { CONNECTION_RULES, connectionAfterPairing, type ConnectionRules, keptConnection } from './connection.js';
import { RESTORABLE_ITEMS_FAULTS } from './restorable-items.faulty.js';
import { isOsSupported, servesModel } from './os-support.js';
import { OS_SUPPORT_FAULTS } from './os-support.faulty.js';
import { sizeText } from './size-text.js';
import { SIZE_TEXT_FAULTS } from './size-text.faulty.js';
import { RUN_CONDITIONS_FAULTS } from './run-conditions.faulty.js';
import { SECURITY_RULES, type SecurityRules } from './authenticator/enhanced-security.js';
import { ENHANCED_SECURITY_FAULTS } from './authenticator/enhanced-security.faulty.js';
import { notificationsAllowed } from './authenticator/notifications.js';
import { NOTIFICATIONS_FAULTS } from './authenticator/notifications.faulty.js';
import { shownCode } from './authenticator/totp.js';
import { TOTP_FAULTS } from './authenticator/totp.faulty.js';
import {
  keepsRefusedAccount,
  keptName,
  offersSecretEntry,
  orderAfterAdd,
  removedAccount,
} from './authenticator/accounts.js';
import { ACCOUNTS_FAULTS } from './authenticator/accounts.faulty.js';
import { pairsOn } from './pair-confirmation.js';
import { PAIR_CONFIRMATION_FAULTS } from './pair-confirmation.faulty.js';
import { CONNECTION_FAULTS } from './connection.faulty.js';
import { failedJobCategory, loggedAt, logShows, restoreDoneLevel } from './app-log.js';
import { APP_LOG_FAULTS } from './app-log.faulty.js';
import { initialSettings, isFreeUpLimit, offeredLanguages } from './settings.js';
import { SETTINGS_FAULTS } from './settings.faulty.js';
import { BACKUP_JOB_FAULTS } from './backup-job.faulty.js';

export interface AppRules extends FreeUpRules, RestorePageRules, SecurityRules, ConnectionRules {
  readonly holdReasons: typeof holdReasons;
  readonly holdMessage: typeof holdMessage;
  readonly onBackupLan: typeof onBackupLan;
  readonly runningJobMeets: typeof runningJobMeets;
  readonly freesUpAfterUploads: typeof freesUpAfterUploads;
  readonly listsServerItem: typeof listsServerItem;
  readonly offeredUnpaired: typeof offeredUnpaired;
  readonly stopOffered: typeof stopOffered;
  readonly connectionAfterPairing: typeof connectionAfterPairing;
  readonly updateSources: typeof updateSources;
  readonly pairedSources: typeof pairedSources;
  readonly exclusionReason: typeof exclusionReason;
  readonly asksConsentToFree: typeof asksConsentToFree;
  readonly restoreSkips: typeof restoreSkips;
  readonly reportedAs: typeof reportedAs;
  readonly resumeAt: typeof resumeAt;
  readonly restoredPlace: typeof restoredPlace;
  readonly restoredAccounts: typeof restoredAccounts;
  readonly restoreScope: typeof restoreScope;
  readonly sizeText: typeof sizeText;
  readonly pairedText: typeof pairedText;
  readonly replacementPairedText: typeof replacementPairedText;
  readonly migrationCompletedText: typeof migrationCompletedText;
  readonly restoreOption: typeof restoreOption;
  readonly freeUpStatusText: typeof freeUpStatusText;
  readonly freeUpNote: typeof freeUpNote;
  readonly freeUpLogEntry: typeof freeUpLogEntry;
  readonly freeUpToast: typeof freeUpToast;
  readonly limitSetOn: typeof limitSetOn;
  readonly passwordLink: typeof passwordLink;
  readonly securityToast: typeof securityToast;
  readonly registrationLogEntry: typeof registrationLogEntry;
  readonly helpPage: typeof helpPage;
  readonly formatResult: typeof formatResult;
  readonly isOsSupported: typeof isOsSupported;
  readonly firstLaunchPermissions: typeof firstLaunchPermissions;
  readonly freesUpSpace: typeof freesUpSpace;
  readonly resumesByItself: typeof resumesByItself;
  readonly backsUpByItself: typeof backsUpByItself;
  readonly restoredDetails: typeof restoredDetails;
  readonly needsSdCardPermission: typeof needsSdCardPermission;
  readonly archivedOnServer: typeof archivedOnServer;
  readonly shownCode: typeof shownCode;
  readonly notificationsAllowed: typeof notificationsAllowed;
  readonly keptName: typeof keptName;
  readonly pairsOn: typeof pairsOn;
  readonly keptConnection: typeof keptConnection;
  readonly logShows: typeof logShows;
  readonly initialLanguage: typeof initialLanguage;
  readonly initialSettings: typeof initialSettings;
  readonly isFreeUpLimit: typeof isFreeUpLimit;
  readonly offeredLanguages: typeof offeredLanguages;
  readonly orderAfterAdd: typeof orderAfterAdd;
  readonly fileKind: typeof fileKind;
  readonly archivedAtCommit: typeof archivedAtCommit;
  readonly menuItems: typeof menuItems;
  readonly failedJobCategory: typeof failedJobCategory;
  readonly removedAccount: typeof removedAccount;
  readonly loggedAt: typeof loggedAt;
  readonly restoreDoneLevel: typeof restoreDoneLevel;
  readonly keepsRefusedAccount: typeof keepsRefusedAccount;
  readonly offersSecretEntry: typeof offersSecretEntry;
  readonly listedTabs: typeof listedTabs;
  readonly emptiesRecentlyDeleted: typeof emptiesRecentlyDeleted;
  readonly servesModel: typeof servesModel;
  readonly listsAfresh: typeof listsAfresh;
}

export const STRAIGHT_APP_RULES: AppRules = {
  ...FREE_UP_RULES,
  ...RESTORE_PAGE_RULES,
  holdReasons,
  holdMessage,
  onBackupLan,
  runningJobMeets,
  freesUpAfterUploads,
  listsServerItem,
  offeredUnpaired,
  stopOffered,
  connectionAfterPairing,
  updateSources,
  pairedSources,
  exclusionReason,
  asksConsentToFree,
  restoreSkips,
  reportedAs,
  resumeAt,
  restoredPlace,
  restoredAccounts,
  restoreScope,
  sizeText,
  pairedText,
  replacementPairedText,
  migrationCompletedText,
  restoreOption,
  freeUpStatusText,
  freeUpNote,
  freeUpLogEntry,
  freeUpToast,
  limitSetOn,
  passwordLink,
  securityToast,
  registrationLogEntry,
  helpPage,
  formatResult,
  isOsSupported,
  firstLaunchPermissions,
  freesUpSpace,
  resumesByItself,
  backsUpByItself,
  restoredDetails,
  needsSdCardPermission,
  archivedOnServer,
  ...SECURITY_RULES,
  shownCode,
  notificationsAllowed,
  keptName,
  pairsOn,
  keptConnection,
  logShows,
  initialLanguage,
  initialSettings,
  isFreeUpLimit,
  offeredLanguages,
  orderAfterAdd,
  fileKind,
  archivedAtCommit,
  menuItems,
  failedJobCategory,
  removedAccount,
  loggedAt,
  restoreDoneLevel,
  keepsRefusedAccount,
  ...CONNECTION_RULES,
  offersSecretEntry,
  listedTabs,
  emptiesRecentlyDeleted,
  servesModel,
  listsAfresh,
};

export type AppRuleOverride = RuleOverride<AppRules>;

export const APP_OVERRIDES = {
  ...RUN_CONDITIONS_FAULTS,
  ...RESTORABLE_ITEMS_FAULTS,
  ...BACKUP_SOURCES_FAULTS,
  ...FREE_UP_SPACE_FAULTS,
  ...FREE_UP_SPACE_ON_DEVICE_FAULTS,
  ...RESTORE_JOB_FAULTS,
  ...RESTORE_SCOPE_FAULTS,
  ...SIZE_TEXT_FAULTS,
  ...PAIRING_TEXTS_FAULTS,
  ...RESTORE_OPTION_FAULTS,
  ...RESTORE_PAGE_FAULTS,
  ...RESTORE_SELECTION_FAULTS,
  ...FREE_UP_SPACE_TEXTS_FAULTS,
  ...FREE_UP_LIMIT_PICKER_FAULTS,
  ...PASSWORD_LINK_FAULTS,
  ...SECURITY_TOAST_FAULTS,
  ...REGISTRATION_LOG_FAULTS,
  ...APP_INFO_FAULTS,
  ...BACKUP_RESULT_LINE_FAULTS,
  ...OS_SUPPORT_FAULTS,
  ...JOB_CONTROL_FAULTS,
  ...TOTP_FAULTS,
  ...NOTIFICATIONS_FAULTS,
  ...ENHANCED_SECURITY_FAULTS,
  ...ACCOUNTS_FAULTS,
  ...PAIR_CONFIRMATION_FAULTS,
  ...CONNECTION_FAULTS,
  ...APP_LOG_FAULTS,
  ...SETTINGS_FAULTS,
  ...BACKUP_JOB_FAULTS,
} satisfies Record<AppFault, AppRuleOverride>;

/** The rules of an app started with these variants: the straight ones when there are none. */
export function appRules(faults: readonly AppFault[]): AppRules {
  return withOverrides(
    STRAIGHT_APP_RULES,
    faults.map((fault) => APP_OVERRIDES[fault]),
  );
}
