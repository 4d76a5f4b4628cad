/**
 * The locator map: every element the page objects touch, by the accessibility id the simulated app gives it, and
 * how an id becomes a WebdriverIO selector. The simulator answers accessibility ids (`~id`); a real app build gets
 * its own `Locators` (devices/capabilities/device-capabilities.ts) from the same ids, so the page objects do not change.
 */
import type { ItemKind } from '../../../conformance/spec/file-types.js';
import type { HoldReason } from '../../../simulators/app/run-conditions.js';

export const ELEMENT_IDS = {
  tabHome: 'tab-home',
  tabBackup: 'tab-backup',
  tab2fa: 'tab-2fa',
  tabMore: 'tab-more',
  back: 'nav-back',
  screenTitle: 'screen-title',
  messageText: 'message-text',
  messageOk: 'message-ok',
  homeStatus: 'home-status',
  homeActivate: 'home-activate',
  pairConfirmText: 'pair-confirm-text',
  pairConfirmMode: 'pair-confirm-mode',
  migrationResult: 'migration-result',
  migrationRestore: 'migration-restore',
  migrationDone: 'migration-done',
  backupSourceDone: 'backup-source-done',
  pairConfirm: 'pair-confirm',
  pairCancel: 'pair-cancel',
  homeLastBackup: 'home-last-backup',
  backupStatus: 'backup-status',
  restoreStatus: 'restore-status',
  backupStart: 'backup-start',
  backupStop: 'backup-stop',
  backupResume: 'backup-resume',
  restoreResume: 'restore-resume',
  backupRestore: 'backup-restore',
  backupConnection: 'backup-connection',
  connectionAuto: 'connection-auto',
  connectionManual: 'connection-manual',
  connectionHost: 'connection-host',
  connectionSave: 'connection-save',
  tfaScanQr: 'tfa-scan-qr',
  tfaNoQr: 'tfa-no-qr',
  tfaRefresh: 'tfa-refresh',
  tfaUnlock: 'tfa-unlock',
  tfaRepair: 'tfa-repair',
  tfaRecoveryPhone: 'tfa-recovery-phone',
  recoveryCountry: 'recovery-country',
  recoveryNumber: 'recovery-number',
  recoverySend: 'recovery-send',
  recoveryLetters: 'recovery-letters',
  recoveryDigits: 'recovery-digits',
  recoveryVerify: 'recovery-verify',
  recoveryCancel: 'recovery-cancel',
  secretIssuer: 'secret-issuer',
  secretUsername: 'secret-username',
  secretKey: 'secret-key',
  secretAdd: 'secret-add',
  scannerCancel: 'scanner-cancel',
  authUsePassword: 'auth-use-password',
  authPassword: 'auth-password',
  authConfirm: 'auth-confirm',
  authCancel: 'auth-cancel',
  moreAutomatedBackup: 'more-automated-backup',
  moreChargingOnly: 'more-charging-only',
  morePowerSaving: 'more-power-saving',
  moreEnhancedSecurity: 'more-enhanced-security',
  moreFreeUpSpace: 'more-free-up-space',
  moreFreeUpLimit: 'more-free-up-limit',
  freeUpLimitDone: 'limit-done',
  moreFreeUpStatus: 'more-free-up-status',
  moreFreeUpNote: 'more-free-up-note',
  moreLanguage: 'more-language',
  moreHelp: 'more-help',
  helpAppLog: 'help-app-log',
  helpVersion: 'help-version',
  logFilter: 'log-filter',
  logCount: 'log-count',
  filterDone: 'filter-done',
  restoreStart: 'restore-start',
  restoreOption: 'restore-option',
  restoreSelectedTotal: 'restore-selected-total',
  explorerViewAll: 'explorer-view-all',
  explorerViewAlbum: 'explorer-view-album',
  explorerEnlarge: 'explorer-enlarge',
  explorerSelectAll: 'explorer-select-all',
  explorerDeselectAll: 'explorer-deselect-all',
  explorerSelected: 'explorer-selected',
  explorerPerRow: 'explorer-per-row',
  explorerDone: 'explorer-done',
} as const satisfies Record<string, string>;

export type ElementName = keyof typeof ELEMENT_IDS;
export type SourceName = 'photos' | 'videos' | 'documents' | '2fa';
export type ExplorerTab = 'recent' | 'archive' | 'deleted';

/** Ids that carry a value: an account, a request, a kind, a limit. */
export const ELEMENT_ID_PATTERNS = {
  accountCode: (accountId: string) => `account-${accountId}-code`,
  accountName: (accountId: string) => `account-${accountId}-name`,
  requestApprove: (requestId: string) => `request-${requestId}-approve`,
  requestReject: (requestId: string) => `request-${requestId}-reject`,
  /** Number matching: the numbers offered instead of Approve, and the button of each. */
  requestNumbers: (requestId: string) => `request-${requestId}-numbers`,
  requestNumber: (requestId: string, n: number) => `request-${requestId}-number-${n}`,
  holdReason: (reason: HoldReason) => `hold-${reason}`,
  source: (source: SourceName) => `source-${source}`,
  freeUpLimit: (gb: number) => `limit-${gb}`,
  language: (slug: string) => `language-${slug}`,
  logFilterType: (slug: string) => `filter-${slug}`,
  logEntry: (index: number) => `log-${index}`,
  restoreSelect: (kind: ItemKind | '2fa') => `restore-select-${kind}`,
  restoreSummary: (kind: ItemKind | '2fa') => `restore-summary-${kind}`,
  restoreColour: (kind: ItemKind | '2fa') => `restore-colour-${kind}`,
  restoreBrowse: (kind: ItemKind) => `restore-browse-${kind}`,
  explorerTab: (tab: ExplorerTab) => `explorer-tab-${tab}`,
  explorerKind: (kind: ItemKind) => `explorer-kind-${kind}`,
} as const;

/** From an element id to the selector WebdriverIO's `$` takes. */
export interface Locators {
  readonly name: string;
  selector(id: string): string;
}

export const SIMULATOR_LOCATORS: Locators = { name: 'mbs-simulator', selector: (id) => `~${id}` };
