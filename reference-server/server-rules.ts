/**
 * The reference server's rules that the kit's self-test may bend, as one object the server is started with (every
 * service reads it from its context): the straight rules, each written in the module it belongs to, or in place of
 * one a faulty variant's override. Each override lives in a `<module>.faulty.ts` beside the rule it bends and is
 * keyed by its name in the catalogue (conformance/spec/faults.ts); the map below must name every server variant
 * of the catalogue and no other.
 */
import type { ServerFault } from '../conformance/spec/faults.js';
import { withOverrides, type RuleOverride } from '../conformance/spec/rule-overrides.js';
import { clockOfRoutes, refuseUnserved, saysTwoFactor, servesTwoFactor } from './http/build-app.js';
import { BUILD_APP_FAULTS } from './http/build-app.faulty.js';
import { consoleAsset } from './http/console-assets.js';
import { CONSOLE_ASSETS_FAULTS } from './http/console-assets.faulty.js';
import { rangeStart } from './http/handlers.js';
import { HANDLERS_FAULTS } from './http/handlers.faulty.js';
import { toMbsError } from './http/error-handler.js';
import { ERROR_HANDLER_FAULTS } from './http/error-handler.faulty.js';
import { routeSchema, valueToCheck } from './http/validation.js';
import { VALIDATION_FAULTS } from './http/validation.faulty.js';
import { authenticatesFirst, contentTypeCheck } from './http/register-routes.js';
import { REGISTER_ROUTES_FAULTS } from './http/register-routes.faulty.js';
import { answersEdition, discoveryAnswer } from './net/discovery-responder.js';
import { DISCOVERY_FAULTS } from './net/discovery-responder.faulty.js';
import { afterFirstFactor, mayAct } from './two-factor/login-state.js';
import { LOGIN_STATE_FAULTS } from './two-factor/login-state.faulty.js';
import { editionTcpRange, editionUdpRange } from './net/ports.js';
import { PORTS_FAULTS } from './net/ports.faulty.js';
import { archiveItems, heldItem, listDeviceItems, listItems, storedBytes } from './services/items.js';
import { ITEMS_FAULTS } from './services/items.faulty.js';
import { listDevices, recoverDevices, removeDevice, renameDevice, selfView } from './services/devices.js';
import { DEVICES_FAULTS } from './services/devices.faulty.js';
import {
  discardUnfinishedUploads,
  retiredKeyOwner,
  retireOriginal,
  takeOverRecords,
} from './services/pairing-migration.js';
import { PAIRING_MIGRATION_FAULTS } from './services/pairing-migration.faulty.js';
import {
  claimInstall,
  pairingExpiry,
  pairingQrText,
  pairingTokenExpired,
  refuseOldMigratingApp,
  refusePairedInstall,
  refuseUnlistedOriginal,
  tokenToPair,
  useToken,
} from './services/pairing.js';
import { PAIRING_FAULTS } from './services/pairing.faulty.js';
import { freeBackupPath } from './services/pairing-backup-folder.js';
import { PAIRING_BACKUP_FOLDER_FAULTS } from './services/pairing-backup-folder.faulty.js';
import { pairingStatus } from './services/pairing-status.js';
import { PAIRING_STATUS_FAULTS } from './services/pairing-status.faulty.js';
import { finishUpload, recoverUploads, storedFileTime } from './services/upload-completion.js';
import { UPLOAD_COMPLETION_FAULTS } from './services/upload-completion.faulty.js';
import {
  announcedItem,
  appendsInTurn,
  cancelsInTurn,
  cancelUpload,
  checkAppend,
  duplicateOf,
  openUpload,
  unfinishedUpload,
  uploadRefusal,
  uploadToCancel,
} from './services/uploads.js';
import { countedItems, jobFolder, snapshotAccounts, tabAfterCommit } from './services/backups.js';
import { BACKUPS_FAULTS } from './services/backups.faulty.js';
import { UPLOADS_FAULTS } from './services/uploads.faulty.js';
import { storedItemPath } from './storage/layout.js';
import { LAYOUT_FAULTS } from './storage/layout.faulty.js';
import { confirmsPassword, isLicenseEmail, recoveryEmail, resetLockPassword } from './two-factor/forgot-password.js';
import { lockStatus } from './two-factor/password-lock.js';
import { PASSWORD_LOCK_FAULTS } from './two-factor/password-lock.faulty.js';
import { FORGOT_PASSWORD_FAULTS } from './two-factor/forgot-password.faulty.js';
import { authenticatorToRemove, forgetOnReset, otpWindow, resetRemoves } from './two-factor/authenticators.js';
import { AUTHENTICATORS_FAULTS } from './two-factor/authenticators.faulty.js';
import { codeToCheck, codeToSend, expiryOf, outgoingMessage, toCodeSent, useUpCode } from './two-factor/codes.js';
import { CODES_FAULTS } from './two-factor/codes.faulty.js';
import {
  confirmedKind,
  demoteOriginal,
  proveSecret,
  pushBySecretKey,
  registeredAtNow,
  registrationBySecret,
  scannedAccountSecret,
} from './two-factor/enrolment.js';
import { ENROLMENT_FAULTS } from './two-factor/enrolment.faulty.js';
import { loginCreatedAt, otpCandidates, trustedAtStart, trustedBrowserLifetimeMs } from './two-factor/logins.js';
import {
  offersPush,
  optionName,
  otpOptions,
  phoneDigitsShown,
  pushRemainingMs,
  saysTrusted,
  showsRecoveredDevice,
} from './two-factor/login-view.js';
import { LOGIN_VIEW_FAULTS } from './two-factor/login-view.faulty.js';
import { LOGINS_FAULTS } from './two-factor/logins.faulty.js';
import { listOutbox } from './two-factor/gateway.js';
import { GATEWAY_FAULTS } from './two-factor/gateway.faulty.js';
import {
  answeredStatus,
  listNotifications,
  loginStateAfterAnswer,
  mayAnswerPush,
  moveAnsweredLogin,
  pushLifetimeMs,
  pushToAnswer,
  sendLoginPush,
} from './two-factor/push.js';
import { PUSH_FAULTS } from './two-factor/push.faulty.js';
import { backupStartNotice, pushServiceReachable } from './two-factor/push-gateway.js';
import { PUSH_GATEWAY_FAULTS } from './two-factor/push-gateway.faulty.js';
import {
  discardRecovered,
  hasRecoveryPhone,
  isRecoveryPhone,
  phoneCodeSent,
  recoveredRegistration,
} from './two-factor/recovery.js';
import { RECOVERY_FAULTS } from './two-factor/recovery.faulty.js';
import {
  defaultAccountLabel,
  markUsed,
  otpauthUriOf,
  qrOtpauthUri,
  registrationExpiry,
  registrationSecret,
} from './two-factor/registrations.js';
import { REGISTRATIONS_FAULTS } from './two-factor/registrations.faulty.js';
import { offersTwoFactorSetup, skipTwoFactorSetup } from './two-factor/setup-offer.js';
import { SETUP_OFFER_FAULTS } from './two-factor/setup-offer.faulty.js';
import { sendLimit } from './two-factor/send-limit.js';
import { SEND_LIMIT_FAULTS } from './two-factor/send-limit.faulty.js';
import { failureCount, throttlePolicy } from './two-factor/throttle.js';
import { THROTTLE_FAULTS } from './two-factor/throttle.faulty.js';
import { checkTotp, stepRemainingMs } from './two-factor/totp.js';
import { TOTP_FAULTS } from './two-factor/totp.faulty.js';

export interface ServerRules {
  // Editions and ports.
  readonly servesTwoFactor: typeof servesTwoFactor;
  readonly saysTwoFactor: typeof saysTwoFactor;
  readonly editionTcpRange: typeof editionTcpRange;
  readonly editionUdpRange: typeof editionUdpRange;
  readonly clockOfRoutes: typeof clockOfRoutes;
  readonly refuseUnserved: typeof refuseUnserved;
  readonly answersEdition: typeof answersEdition;
  readonly discoveryAnswer: typeof discoveryAnswer;
  // Requests.
  readonly valueToCheck: typeof valueToCheck;
  readonly routeSchema: typeof routeSchema;
  readonly authenticatesFirst: typeof authenticatesFirst;
  readonly contentTypeCheck: typeof contentTypeCheck;
  readonly toMbsError: typeof toMbsError;
  // Backup protocol and storage.
  readonly listItems: typeof listItems;
  readonly listDeviceItems: typeof listDeviceItems;
  readonly heldItem: typeof heldItem;
  readonly storedBytes: typeof storedBytes;
  readonly archiveItems: typeof archiveItems;
  readonly rangeStart: typeof rangeStart;
  readonly announcedItem: typeof announcedItem;
  readonly uploadRefusal: typeof uploadRefusal;
  readonly duplicateOf: typeof duplicateOf;
  readonly unfinishedUpload: typeof unfinishedUpload;
  readonly openUpload: typeof openUpload;
  readonly appendsInTurn: typeof appendsInTurn;
  readonly checkAppend: typeof checkAppend;
  readonly cancelUpload: typeof cancelUpload;
  readonly cancelsInTurn: typeof cancelsInTurn;
  readonly uploadToCancel: typeof uploadToCancel;
  readonly finishUpload: typeof finishUpload;
  readonly recoverUploads: typeof recoverUploads;
  readonly storedFileTime: typeof storedFileTime;
  readonly listDevices: typeof listDevices;
  readonly selfView: typeof selfView;
  readonly removeDevice: typeof removeDevice;
  readonly renameDevice: typeof renameDevice;
  readonly recoverDevices: typeof recoverDevices;
  readonly storedItemPath: typeof storedItemPath;
  readonly jobFolder: typeof jobFolder;
  readonly freeBackupPath: typeof freeBackupPath;
  readonly tabAfterCommit: typeof tabAfterCommit;
  readonly countedItems: typeof countedItems;
  readonly snapshotAccounts: typeof snapshotAccounts;
  // Pairing and migration.
  readonly refusePairedInstall: typeof refusePairedInstall;
  readonly refuseOldMigratingApp: typeof refuseOldMigratingApp;
  readonly refuseUnlistedOriginal: typeof refuseUnlistedOriginal;
  readonly tokenToPair: typeof tokenToPair;
  readonly useToken: typeof useToken;
  readonly claimInstall: typeof claimInstall;
  readonly pairingExpiry: typeof pairingExpiry;
  readonly pairingTokenExpired: typeof pairingTokenExpired;
  readonly pairingQrText: typeof pairingQrText;
  readonly pairingStatus: typeof pairingStatus;
  readonly discardUnfinishedUploads: typeof discardUnfinishedUploads;
  readonly takeOverRecords: typeof takeOverRecords;
  readonly retireOriginal: typeof retireOriginal;
  readonly retiredKeyOwner: typeof retiredKeyOwner;
  // 2FA.
  readonly otpWindow: typeof otpWindow;
  readonly checkTotp: typeof checkTotp;
  readonly stepRemainingMs: typeof stepRemainingMs;
  readonly proveSecret: typeof proveSecret;
  readonly pushBySecretKey: typeof pushBySecretKey;
  readonly registrationSecret: typeof registrationSecret;
  readonly otpauthUriOf: typeof otpauthUriOf;
  readonly otpCandidates: typeof otpCandidates;
  readonly throttlePolicy: typeof throttlePolicy;
  readonly failureCount: typeof failureCount;
  readonly sendLimit: typeof sendLimit;
  readonly forgetOnReset: typeof forgetOnReset;
  readonly resetRemoves: typeof resetRemoves;
  readonly authenticatorToRemove: typeof authenticatorToRemove;
  readonly registrationExpiry: typeof registrationExpiry;
  readonly markUsed: typeof markUsed;
  readonly defaultAccountLabel: typeof defaultAccountLabel;
  readonly demoteOriginal: typeof demoteOriginal;
  readonly confirmedKind: typeof confirmedKind;
  readonly registeredAtNow: typeof registeredAtNow;
  readonly expiryOf: typeof expiryOf;
  readonly codeToSend: typeof codeToSend;
  readonly codeToCheck: typeof codeToCheck;
  readonly useUpCode: typeof useUpCode;
  readonly toCodeSent: typeof toCodeSent;
  readonly outgoingMessage: typeof outgoingMessage;
  readonly recoveryEmail: typeof recoveryEmail;
  readonly isLicenseEmail: typeof isLicenseEmail;
  readonly resetLockPassword: typeof resetLockPassword;
  readonly confirmsPassword: typeof confirmsPassword;
  readonly lockStatus: typeof lockStatus;
  readonly listOutbox: typeof listOutbox;
  readonly listNotifications: typeof listNotifications;
  readonly answeredStatus: typeof answeredStatus;
  readonly sendLoginPush: typeof sendLoginPush;
  readonly pushLifetimeMs: typeof pushLifetimeMs;
  readonly pushServiceReachable: typeof pushServiceReachable;
  readonly mayAnswerPush: typeof mayAnswerPush;
  readonly pushToAnswer: typeof pushToAnswer;
  readonly loginStateAfterAnswer: typeof loginStateAfterAnswer;
  readonly hasRecoveryPhone: typeof hasRecoveryPhone;
  readonly isRecoveryPhone: typeof isRecoveryPhone;
  readonly discardRecovered: typeof discardRecovered;
  readonly phoneCodeSent: typeof phoneCodeSent;
  readonly recoveredRegistration: typeof recoveredRegistration;
  readonly trustedBrowserLifetimeMs: typeof trustedBrowserLifetimeMs;
  readonly trustedAtStart: typeof trustedAtStart;
  readonly loginCreatedAt: typeof loginCreatedAt;
  readonly saysTrusted: typeof saysTrusted;
  readonly offersPush: typeof offersPush;
  readonly otpOptions: typeof otpOptions;
  readonly optionName: typeof optionName;
  readonly phoneDigitsShown: typeof phoneDigitsShown;
  readonly pushRemainingMs: typeof pushRemainingMs;
  readonly mayAct: typeof mayAct;
  readonly afterFirstFactor: typeof afterFirstFactor;
  readonly offersTwoFactorSetup: typeof offersTwoFactorSetup;
  readonly skipTwoFactorSetup: typeof skipTwoFactorSetup;
  // The server's desktop login and 2FA registration: a secret key's registration, an approval, a QR code's URI,
  // the device a recovery names.
  readonly registrationBySecret: typeof registrationBySecret;
  readonly scannedAccountSecret: typeof scannedAccountSecret;
  readonly backupStartNotice: typeof backupStartNotice;
  readonly moveAnsweredLogin: typeof moveAnsweredLogin;
  readonly qrOtpauthUri: typeof qrOtpauthUri;
  readonly showsRecoveredDevice: typeof showsRecoveredDevice;
  // The web console.
  readonly consoleAsset: typeof consoleAsset;
}

export const STRAIGHT_SERVER_RULES: ServerRules = {
  servesTwoFactor,
  saysTwoFactor,
  editionTcpRange,
  editionUdpRange,
  clockOfRoutes,
  refuseUnserved,
  answersEdition,
  discoveryAnswer,
  valueToCheck,
  routeSchema,
  authenticatesFirst,
  contentTypeCheck,
  toMbsError,
  listItems,
  listDeviceItems,
  heldItem,
  storedBytes,
  archiveItems,
  rangeStart,
  announcedItem,
  uploadRefusal,
  duplicateOf,
  unfinishedUpload,
  openUpload,
  appendsInTurn,
  checkAppend,
  cancelUpload,
  cancelsInTurn,
  uploadToCancel,
  finishUpload,
  recoverUploads,
  storedFileTime,
  listDevices,
  selfView,
  removeDevice,
  renameDevice,
  recoverDevices,
  storedItemPath,
  jobFolder,
  freeBackupPath,
  tabAfterCommit,
  countedItems,
  snapshotAccounts,
  refusePairedInstall,
  refuseOldMigratingApp,
  refuseUnlistedOriginal,
  tokenToPair,
  useToken,
  claimInstall,
  pairingExpiry,
  pairingTokenExpired,
  pairingQrText,
  pairingStatus,
  discardUnfinishedUploads,
  takeOverRecords,
  retireOriginal,
  retiredKeyOwner,
  otpWindow,
  checkTotp,
  stepRemainingMs,
  proveSecret,
  pushBySecretKey,
  registrationSecret,
  otpauthUriOf,
  otpCandidates,
  throttlePolicy,
  failureCount,
  sendLimit,
  forgetOnReset,
  resetRemoves,
  authenticatorToRemove,
  registrationExpiry,
  markUsed,
  defaultAccountLabel,
  demoteOriginal,
  confirmedKind,
  registeredAtNow,
  expiryOf,
  codeToSend,
  codeToCheck,
  useUpCode,
  toCodeSent,
  outgoingMessage,
  recoveryEmail,
  isLicenseEmail,
  resetLockPassword,
  confirmsPassword,
  lockStatus,
  listOutbox,
  listNotifications,
  answeredStatus,
  sendLoginPush,
  pushLifetimeMs,
  pushServiceReachable,
  mayAnswerPush,
  pushToAnswer,
  loginStateAfterAnswer,
  hasRecoveryPhone,
  isRecoveryPhone,
  discardRecovered,
  phoneCodeSent,
  recoveredRegistration,
  trustedBrowserLifetimeMs,
  trustedAtStart,
  loginCreatedAt,
  saysTrusted,
  offersPush,
  otpOptions,
  optionName,
  phoneDigitsShown,
  pushRemainingMs,
  mayAct,
  afterFirstFactor,
  offersTwoFactorSetup,
  skipTwoFactorSetup,
  registrationBySecret,
  scannedAccountSecret,
  backupStartNotice,
  moveAnsweredLogin,
  qrOtpauthUri,
  showsRecoveredDevice,
  consoleAsset,
};

export type ServerRuleOverride = RuleOverride<ServerRules>;

export const SERVER_OVERRIDES = {
  ...BUILD_APP_FAULTS,
  ...HANDLERS_FAULTS,
  ...ERROR_HANDLER_FAULTS,
  ...VALIDATION_FAULTS,
  ...REGISTER_ROUTES_FAULTS,
  ...PORTS_FAULTS,
  ...DISCOVERY_FAULTS,
  ...ITEMS_FAULTS,
  ...DEVICES_FAULTS,
  ...PAIRING_MIGRATION_FAULTS,
  ...PAIRING_FAULTS,
  ...PAIRING_BACKUP_FOLDER_FAULTS,
  ...PAIRING_STATUS_FAULTS,
  ...UPLOADS_FAULTS,
  ...UPLOAD_COMPLETION_FAULTS,
  ...LAYOUT_FAULTS,
  ...BACKUPS_FAULTS,
  ...AUTHENTICATORS_FAULTS,
  ...CODES_FAULTS,
  ...FORGOT_PASSWORD_FAULTS,
  ...PASSWORD_LOCK_FAULTS,
  ...PUSH_FAULTS,
  ...GATEWAY_FAULTS,
  ...PUSH_GATEWAY_FAULTS,
  ...THROTTLE_FAULTS,
  ...TOTP_FAULTS,
  ...SEND_LIMIT_FAULTS,
  ...REGISTRATIONS_FAULTS,
  ...ENROLMENT_FAULTS,
  ...RECOVERY_FAULTS,
  ...LOGINS_FAULTS,
  ...LOGIN_VIEW_FAULTS,
  ...LOGIN_STATE_FAULTS,
  ...SETUP_OFFER_FAULTS,
  ...CONSOLE_ASSETS_FAULTS,
} satisfies Record<ServerFault, ServerRuleOverride>;

/** The rules of a server started with these variants: the straight ones when there are none. */
export function serverRules(faults: readonly ServerFault[]): ServerRules {
  return withOverrides(
    STRAIGHT_SERVER_RULES,
    faults.map((fault) => SERVER_OVERRIDES[fault]),
  );
}
