/**
 * The reference model of the mobile app: its rules over a simulated device, speaking to any server only through
 * the protocol client. Backup and restore run as jobs; automated backup starts one when conditions become true
 * (on iOS only while the app is in the foreground). The class keeps the app's state and public face; the rules
 * live in the modules it delegates to (server-pairing, job-control, free-up-space-on-device and others).
 */
import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import { ClientError } from '../../conformance/spec/errors.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';
import type { AuthenticatorAccount, Counts, Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { MediaItem } from '../device/media.js';
import type { SimulatedDevice } from '../device/simulated-device.js';
import type { MbsClient } from '../mbs-client/mbs-client.js';
import { AccountList, derivedIds } from './authenticator/accounts.js';
import { EnhancedSecurity } from './authenticator/enhanced-security.js';
import { DEFAULT_APP_VERSION, type HelpItem, type Menu } from './app-info.js';
import type { AppOptions } from './app-options.js';
import { AppLog, type LogCategory, type LogLevel } from './app-log.js';
import { appRules, type AppRules } from './app-rules.js';
import { CHUNK_BYTES, type BackupJob } from './backup-job.js';
import { defaultSources, eligibleItems } from './backup-sources.js';
import type { ConnectionSetting } from './connection.js';
import { freeUpSpaceOnDevice } from './free-up-space-on-device.js';
import type { JobHost } from './job-host.js';
import { followConditions, jobHoldReasons, startBackup, startRestore, stopJob } from './job-control.js';
import { assertModelServed, assertOsSupported } from './os-support.js';
import type { RestoreJob } from './restore-job.js';
import { listRestorable } from './restorable-items.js';
import type { HoldReason, JobKind } from './run-conditions.js';
import { findServer, pairByQr, pairedClient, requirePairing, type Pairing } from './server-pairing.js';
import { changedSettings, type AppSettings, type BackupSources } from './settings.js';
import { ConfirmedItems, itemMeta } from './uploaded-items.js';

export type { Pairing } from './server-pairing.js';
export { formatCounts } from './backup-result-line.js';
export type { AppOptions } from './app-options.js';

export class MobileApp implements JobHost {
  readonly device: SimulatedDevice;
  readonly log: AppLog;
  readonly installId: string;
  settings: AppSettings;
  sources: BackupSources;
  connection: ConnectionSetting = { mode: 'auto' };
  /** The 2FA page's accounts. */
  readonly accounts: AccountList;
  /** "Enhanced security for 2FA". */
  readonly security: EnhancedSecurity;
  pairing: Pairing | undefined;
  backupJob: BackupJob | undefined;
  restoreJob: RestoreJob | undefined;
  private readonly confirmed = new ConfirmedItems();
  private readonly options: AppOptions;
  /** Its rules, chosen at install: straight, or with the self-test's variants in place of the rules they bend. */
  readonly rules: AppRules;
  private apiClient: MbsClient | undefined;

  /** Installing the app: refused below Android 8 and iOS 12.0, and on a model its rule does not serve. */
  constructor(device: SimulatedDevice, options: AppOptions = {}) {
    this.rules = appRules(options.faults ?? []);
    assertOsSupported(device.platform, device.spec.osVersion, this.rules.isOsSupported);
    assertModelServed(device.platform, device.spec.model, this.rules.servesModel);
    this.device = device;
    this.options = options;
    // A fresh installation is a new one to every server (which refuses to pair one installation twice), so its
    // id is not drawn from any seed: no content, name or report derives from it.
    this.installId = options.installId ?? randomBytes(9).toString('base64url');
    this.accounts = new AccountList(options.accountIds ?? derivedIds(`${device.spec.id}/${device.spec.name}`), {
      code: (secret, epochMs) => this.rules.shownCode(secret, epochMs, device.network.internet),
      name: (typed) => this.rules.keptName(typed),
      order: (shown, added) => this.rules.orderAfterAdd(shown, added),
      removed: (shown, chosen) => this.rules.removedAccount(shown, chosen),
    });
    this.sources = defaultSources(device.platform);
    this.security = new EnhancedSecurity(device, this.rules);
    this.log = new AppLog(
      () => this.rules.loggedAt(device.clock.now()),
      (shown, type) => this.rules.logShows(shown, type),
    );
    this.settings = this.rules.initialSettings();
    this.settings.language = this.rules.initialLanguage(device.setupLanguage);
    for (const permission of this.rules.firstLaunchPermissions(device)) device.permissions.request(permission);
    device.onChange(() => followConditions(this));
  }

  get version(): string {
    return this.options.version ?? this.device.spec.appVersion ?? DEFAULT_APP_VERSION[this.device.platform];
  }

  get chunkBytes(): number {
    return this.options.chunkBytes ?? CHUNK_BYTES;
  }

  /** What a menu lists: the main pages, More, or Help. */
  menu(menu: Menu): readonly string[] {
    return this.rules.menuItems(menu);
  }

  /** The languages the Language screen lists. */
  languages(): readonly string[] {
    return this.rules.offeredLanguages();
  }

  /** What Help > item shows. */
  help(item: HelpItem): string {
    return this.rules.helpPage(item, this.version);
  }

  // --- pairing and connection -------------------------------------------------------------------------------

  /** "Activate and start backup": pairs with a scanned QR payload, as a new device or as a replacement. */
  async scanQr(text: string): Promise<Pairing> {
    if (this.pairing) throw new ClientError('already-paired');
    this.pairing = await pairByQr(text, this.device, { installId: this.installId, appVersion: this.version }, this.log);
    this.connection = this.rules.connectionAfterPairing(this.connection, this.pairing.host);
    this.apiClient = undefined;
    // A phone paired as a new device offers the sources its rule selects (seed 000 §7.1 step vi).
    if (this.pairing.payload.mode === 'add') this.sources = this.rules.pairedSources(this.device.platform);
    return this.pairing;
  }

  /** "Edit connection setting": locate the machine by discovery, or use the host the user typed. */
  async setConnection(setting: ConnectionSetting): Promise<void> {
    const pairing = requirePairing(this.pairing);
    const located = await findServer(pairing, setting, this.options, this.rules);
    this.connection = this.rules.keptConnection(this.connection, setting);
    pairing.host = located.host;
    pairing.tcpPort = located.tcpPort;
    this.apiClient = undefined;
  }

  client(): MbsClient {
    const pairing = requirePairing(this.pairing);
    this.apiClient ??= pairedClient(pairing);
    return this.apiClient;
  }

  // --- settings -----------------------------------------------------------------------------------------------

  updateSettings(change: Partial<AppSettings>): void {
    this.settings = changedSettings(this.settings, change, this.rules);
    followConditions(this);
  }

  updateSources(change: Partial<BackupSources>): void {
    this.sources = this.rules.updateSources(this.device.platform, this.sources, change);
  }

  // --- run conditions and jobs --------------------------------------------------------------------------------

  holdReasons(kind: JobKind): HoldReason[] {
    return jobHoldReasons(this, kind);
  }

  /** Tap Backup (or Resume Backup): starts a job, or goes on with the one that stopped or held. */
  backup(): Promise<BackupJob> {
    return startBackup(this);
  }

  stop(): void {
    stopJob(this);
  }

  /** Items of the latest backup in one tab (and kind), as the restore file explorer lists them. */
  listRestorable(tab: TabName, kind?: ItemKind): Promise<Static<typeof Item>[]> {
    return listRestorable(this, tab, kind);
  }

  /** Restores the given items (and the 2FA accounts of the latest backup when asked). */
  restore(items: readonly Static<typeof Item>[], options: { accounts?: boolean } = {}): Promise<RestoreJob> {
    return startRestore(this, items, options);
  }

  // --- JobHost ------------------------------------------------------------------------------------------------

  eligibleItems(): MediaItem[] {
    return eligibleItems(this.device.platform, this.sources, this.device.mediaItems(), (platform, sources, item) =>
      this.rules.exclusionReason(platform, sources, this.asKind(item)),
    );
  }

  stillOnDevice(item: MediaItem): boolean {
    return this.device.mediaById(item.id) === item;
  }

  isConfirmed(item: MediaItem): boolean {
    return this.confirmed.has(item);
  }

  confirmedHashes(): string[] {
    return this.confirmed.hashes();
  }

  confirm(item: MediaItem, held: Static<typeof Item>): void {
    this.confirmed.add(item, held);
  }

  metaOf(item: MediaItem): ItemMeta {
    return itemMeta(this.asKind(item));
  }

  /** The item with the kind the app takes it for. */
  private asKind(item: MediaItem): MediaItem {
    const kind = this.rules.fileKind(item);
    return kind === item.kind ? item : { ...item, kind };
  }

  /** Removes confirmed photos and videos, oldest first, until free space reaches the limit; tells the server. */
  freeUpSpace(): Promise<number> {
    return freeUpSpaceOnDevice(this);
  }

  accountsToBackUp(): Static<typeof AuthenticatorAccount>[] {
    return this.sources.twoFactorAccounts ? [...this.accounts.list()] : [];
  }

  record(category: LogCategory, level: LogLevel, message: string): void {
    this.log.add(category, level, message);
  }

  /** Android adds how many items free up space archived during the job (seed 000 §6.4.5). */
  formatResult(counts: Counts, archived: number): string {
    return this.rules.formatResult(counts, archived, this.device.platform, this.settings.freeUpSpace);
  }
}
