/**
 * The reference model of the mobile app: its rules over a simulated device, speaking to any server only through
 * the protocol client. Backup and restore run as jobs; automated backup starts one when conditions become true
 * (on iOS only while the app is in the foreground).
 */
import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import { ClientError, CLIENT_ERRORS, MbsError } from '../../conformance/spec/errors.js';
import { FaultSet, type AppFault } from '../../conformance/spec/faults.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';
import { decodePairingPayload, type PairingPayload } from '../../conformance/spec/protocol/pairing.js';
import type { AuthenticatorAccount, Counts, Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { MediaItem } from '../device/media.js';
import type { SimulatedDevice } from '../device/simulated-device.js';
import { discoverServers } from '../mbs-client/discovery-client.js';
import { MbsClient } from '../mbs-client/mbs-client.js';
import { AccountList } from './authenticator/accounts.js';
import { EnhancedSecurity } from './authenticator/enhanced-security.js';
import {
  DEFAULT_APP_VERSION,
  firstLaunchPermissions,
  helpPage,
  initialLanguage,
  MENUS,
  type HelpItem,
  type Menu,
} from './app-info.js';
import { AppLog, type LogCategory, type LogLevel } from './app-log.js';
import { BackupJob, CHUNK_BYTES } from './backup-job.js';
import { defaultSources, eligibleItems, updateSources } from './backup-sources.js';
import { assertValidHost, urlHost, type ConnectionSetting } from './connection.js';
import { hashOf } from './content-registry.js';
import { planFreeUpSpace } from './free-up-space.js';
import type { JobHost } from './job-host.js';
import { assertOsSupported } from './os-support.js';
import { RestoreJob } from './restore-job.js';
import { holdReasons, type HoldReason, type JobKind } from './run-conditions.js';
import {
  DEFAULT_SETTINGS,
  FREE_UP_SPACE_LIMITS_GB,
  LANGUAGES,
  type AppSettings,
  type BackupSources,
} from './settings.js';

export interface Pairing {
  readonly payload: PairingPayload;
  readonly deviceId: string;
  readonly deviceKey: string;
  /** Where the server is reached now (connection settings may change it). */
  host: string;
  tcpPort: number;
}

export interface AppOptions {
  /** Where "Automatically locate" sends discovery requests: the LAN broadcast address, or 127.0.0.1 in tests. */
  readonly discoveryHost?: string;
  readonly discoveryTimeoutMs?: number;
  readonly installId?: string;
  /** The installed app's version (Help > Version). */
  readonly version?: string;
  /** Bytes per upload append; small values make small items take several appends. */
  readonly chunkBytes?: number;
  /** Faulty variants of the app's rules, for the kit's self-test only (conformance/spec/faults.ts). Default none. */
  readonly faults?: readonly AppFault[];
}

export class MobileApp implements JobHost {
  readonly device: SimulatedDevice;
  readonly log: AppLog;
  readonly installId: string;
  settings: AppSettings = { ...DEFAULT_SETTINGS };
  sources: BackupSources;
  connection: ConnectionSetting = { mode: 'auto' };
  /** The 2FA page's accounts. */
  readonly accounts = new AccountList();
  /** "Enhanced security for 2FA". */
  readonly security: EnhancedSecurity;
  pairing: Pairing | undefined;
  backupJob: BackupJob | undefined;
  restoreJob: RestoreJob | undefined;
  private readonly confirmed = new Map<string, Static<typeof Item>>();
  private readonly options: AppOptions;
  readonly faults: FaultSet<AppFault>;
  private apiClient: MbsClient | undefined;

  /** Installing the app: refused below Android 8 and iOS 12.0. */
  constructor(device: SimulatedDevice, options: AppOptions = {}) {
    assertOsSupported(device.platform, device.spec.osVersion);
    this.device = device;
    this.options = options;
    this.faults = new FaultSet(options.faults ?? []);
    this.installId = options.installId ?? randomBytes(9).toString('base64url');
    this.sources = defaultSources(device.platform);
    this.security = new EnhancedSecurity(device);
    this.log = new AppLog(() => device.clock.now());
    this.settings.language = initialLanguage(device.setupLanguage);
    for (const permission of firstLaunchPermissions(device)) device.permissions.request(permission);
    device.onChange(() => this.onConditionsChanged());
  }

  get version(): string {
    return this.options.version ?? DEFAULT_APP_VERSION[this.device.platform];
  }

  get chunkBytes(): number {
    return this.options.chunkBytes ?? CHUNK_BYTES;
  }

  /** What a menu lists: the main pages, More, or Help. */
  menu(menu: Menu): readonly string[] {
    return MENUS[menu];
  }

  /** What Help > item shows. */
  help(item: HelpItem): string {
    return helpPage(item, this.version);
  }

  // --- pairing and connection -------------------------------------------------------------------------------

  /** "Activate and start backup": pairs with a scanned QR payload, as a new device or as a replacement. */
  async scanQr(text: string): Promise<Pairing> {
    if (this.pairing) throw new ClientError('already-paired');
    const payload = decodePairingPayload(text);
    const client = new MbsClient({ baseUrl: `http://${urlHost(payload.host)}:${payload.tcp}` });
    try {
      const paired = await client.call('pair', {
        body: {
          token: payload.token,
          edition: payload.edition,
          device: {
            name: this.device.spec.name,
            model: this.device.spec.model,
            platform: this.device.platform,
            osVersion: this.device.spec.osVersion,
            installId: this.installId,
          },
        },
      });
      this.pairing = {
        payload,
        deviceId: paired.deviceId,
        deviceKey: paired.deviceKey,
        host: payload.host,
        tcpPort: payload.tcp,
      };
      this.apiClient = undefined;
      this.log.add('Backup', 'Info', `Backup registration with ${payload.edition} at ${payload.host}:${payload.tcp}`);
      return this.pairing;
    } catch (error) {
      this.log.add('Backup', 'Error', `Backup registration failed: ${(error as Error).message}`);
      throw error;
    }
  }

  /** "Edit connection setting": locate the machine by discovery, or use the host the user typed. */
  async setConnection(setting: ConnectionSetting): Promise<void> {
    const pairing = this.requirePairing();
    if (setting.mode === 'manual') assertValidHost(setting.host);
    const located =
      setting.mode === 'manual' ? { host: setting.host, tcpPort: pairing.tcpPort } : await this.locate(pairing);
    const probe = new MbsClient({ baseUrl: `http://${urlHost(located.host)}:${located.tcpPort}`, timeoutMs: 5000 });
    try {
      const info = await probe.call('getInfo');
      if (info.serverId !== pairing.payload.server) throw new Error('another server answered');
    } catch {
      throw new ClientError('host-invalid', CLIENT_ERRORS['host-invalid'], { host: located.host });
    }
    this.connection = setting;
    pairing.host = located.host;
    pairing.tcpPort = located.tcpPort;
    this.apiClient = undefined;
  }

  private async locate(pairing: Pairing): Promise<{ host: string; tcpPort: number }> {
    const found = await discoverServers({
      host: this.options.discoveryHost ?? '127.0.0.1',
      ports: [pairing.payload.udp],
      timeoutMs: this.options.discoveryTimeoutMs ?? 500,
      edition: pairing.payload.edition,
    });
    const server = found.find((s) => s.serverId === pairing.payload.server);
    if (!server) throw new ClientError('host-invalid', CLIENT_ERRORS['host-invalid']);
    return { host: server.host, tcpPort: server.tcpPort };
  }

  client(): MbsClient {
    const pairing = this.requirePairing();
    this.apiClient ??= new MbsClient({
      baseUrl: `http://${urlHost(pairing.host)}:${pairing.tcpPort}`,
      deviceKey: pairing.deviceKey,
    });
    return this.apiClient;
  }

  private requirePairing(): Pairing {
    if (!this.pairing) throw new ClientError('not-paired');
    return this.pairing;
  }

  // --- settings -----------------------------------------------------------------------------------------------

  updateSettings(change: Partial<AppSettings>): void {
    const next = { ...this.settings, ...change };
    if (!FREE_UP_SPACE_LIMITS_GB.includes(next.freeUpSpaceLimitGb))
      throw new RangeError(`No free up space limit of ${next.freeUpSpaceLimitGb} GB.`);
    if (!LANGUAGES.includes(next.language)) throw new RangeError(`No language ${next.language}.`);
    this.settings = next;
    this.onConditionsChanged();
  }

  updateSources(change: Partial<BackupSources>): void {
    this.sources = updateSources(this.device.platform, this.sources, change, this.faults);
  }

  // --- run conditions and jobs --------------------------------------------------------------------------------

  holdReasons(kind: JobKind): HoldReason[] {
    const { network } = this.device;
    return holdReasons(
      kind,
      {
        batteryLevel: this.device.batteryLevel,
        charging: this.device.charging,
        onBackupLan: network.wifi !== null && network.backupMachineReachable,
      },
      this.settings,
      this.faults,
    );
  }

  /** Tap Backup (or Resume Backup): starts a job, or goes on with the one that stopped or held. */
  async backup(): Promise<BackupJob> {
    this.requirePairing();
    if (this.restoreJob?.state === 'running') throw new ClientError('job-running');
    if (!this.backupJob || this.backupJob.state === 'completed' || this.backupJob.state === 'failed') {
      this.backupJob = new BackupJob(this);
    }
    await this.backupJob.resume();
    return this.backupJob;
  }

  stop(): void {
    const job =
      this.backupJob?.state === 'running' || this.backupJob?.state === 'held' ? this.backupJob : this.restoreJob;
    if (!job) throw new ClientError('no-job');
    job.stop();
  }

  /** Items of the latest backup in one tab (and kind), as the restore file explorer lists them. */
  async listRestorable(tab: TabName, kind?: ItemKind): Promise<Static<typeof Item>[]> {
    const items: Static<typeof Item>[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10_000; page++) {
      const result: { items: Static<typeof Item>[]; nextCursor: string | null } = await this.client().call(
        'listItems',
        {
          query: { tab, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}), limit: 1000 },
        },
      );
      items.push(...result.items);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  /** Restores the given items (and the 2FA accounts of the latest backup when asked). */
  async restore(items: readonly Static<typeof Item>[], options: { accounts?: boolean } = {}): Promise<RestoreJob> {
    this.requirePairing();
    if (this.backupJob?.state === 'running' || this.restoreJob?.state === 'running')
      throw new ClientError('job-running');
    if (options.accounts) {
      const snapshot = await this.client().call('getLatestSnapshot');
      this.accounts.restore(snapshot.accounts);
    }
    this.restoreJob = new RestoreJob(this, this.device, items);
    await this.restoreJob.run();
    return this.restoreJob;
  }

  private onConditionsChanged(): void {
    // A held job goes on by itself once its conditions are true again.
    if (this.backupJob?.state === 'held' && this.holdReasons('backup').length === 0) void this.backupJob.resume();
    if (this.restoreJob?.state === 'held' && this.holdReasons('restore').length === 0) void this.restoreJob.resume();
    if (!this.settings.automatedBackup || !this.pairing || this.holdReasons('backup').length > 0) return;
    if (this.device.platform === 'ios' && !this.device.foreground) return;
    if (this.backupJob?.state === 'running' || this.backupJob?.state === 'stopped') return;
    if (this.restoreJob?.state === 'running') return;
    if (this.eligibleItems().some((item) => !this.isConfirmed(item))) void this.backup().catch(() => undefined);
  }

  // --- JobHost ------------------------------------------------------------------------------------------------

  eligibleItems(): MediaItem[] {
    return eligibleItems(this.device.platform, this.sources, this.device.mediaItems(), this.faults);
  }

  stillOnDevice(item: MediaItem): boolean {
    return this.device.mediaById(item.id) === item;
  }

  isConfirmed(item: MediaItem): boolean {
    return this.confirmed.has(hashOf(item));
  }

  confirm(item: MediaItem, held: Static<typeof Item>): void {
    if (held.sha256 !== hashOf(item) || held.size !== item.size) {
      throw new ClientError('protocol-violation', `The server confirmed other bytes than ${item.name}'s.`);
    }
    this.confirmed.set(held.sha256, held);
  }

  metaOf(item: MediaItem): ItemMeta {
    return {
      kind: item.kind as ItemKind,
      name: item.name,
      path: item.path,
      album: item.album,
      capturedAt: item.capturedAt,
      modifiedAt: item.modifiedAt,
      ...(Object.keys(item.exif).length > 0 ? { exif: { ...item.exif } } : {}),
    };
  }

  /** Removes confirmed photos and videos, oldest first, until free space reaches the limit; tells the server. */
  async freeUpSpace(): Promise<number> {
    if (!this.settings.freeUpSpace) return 0;
    const plan = planFreeUpSpace(
      this.freeBytesForFreeUp(),
      this.settings.freeUpSpaceLimitGb,
      this.device.mediaItems(),
      (i) => this.isConfirmed(i),
      this.faults,
    );
    if (plan.remove.length === 0) return 0;
    const ask = this.device.platform === 'ios' && !this.faults.has('ios-frees-without-consent');
    if (ask && !this.device.askDeleteConsent(plan.remove.length)) {
      this.log.add('Free up space', 'Info', `Deletion of ${plan.remove.length} items not allowed.`);
      return 0;
    }
    for (const item of plan.remove) this.device.removeMedia(item.id);
    try {
      await this.client().call('archiveItems', { body: { items: plan.remove.map(hashOf) } });
      this.log.add('Free up space', 'Info', `Freed ${plan.bytes} bytes: ${plan.remove.length} items archived.`);
    } catch (error) {
      this.log.add('Free up space', 'Error', `Archiving failed: ${(error as Error).message}`);
      if (!(error instanceof MbsError)) throw error;
    }
    return plan.remove.length;
  }

  /** Free space as free up space reckons it: on iOS, Recently Deleted counts as freed (the user is to empty it). */
  private freeBytesForFreeUp(): number {
    const pending =
      this.device.platform === 'ios' ? this.device.recentlyDeleted().reduce((n, d) => n + d.item.size, 0) : 0;
    return this.device.freeBytes() + pending;
  }

  accountsToBackUp(): Static<typeof AuthenticatorAccount>[] {
    return this.sources.twoFactorAccounts ? [...this.accounts.list()] : [];
  }

  record(category: LogCategory, level: LogLevel, message: string): void {
    this.log.add(category, level, message);
  }

  /** Android adds how many items free up space archived during the job (seed 000 §6.4.5). */
  formatResult(counts: Counts, archived: number): string {
    const line = formatCounts(counts, this.device.platform);
    if (this.device.platform !== 'android' || !this.settings.freeUpSpace) return line;
    return `${line}; ${archived} archived or free up images and videos`;
  }
}

/** The result line of a backup: "49 Photos, 5 Videos, 0 Files, and 2 2FA Accounts" (iOS has no Files). */
export function formatCounts(counts: Counts, platform: 'android' | 'ios'): string {
  const parts = [`${counts.photos} Photos`, `${counts.videos} Videos`];
  if (platform === 'android') parts.push(`${counts.files} Files`);
  return `${parts.join(', ')}, and ${counts.twoFactorAccounts} 2FA Accounts`;
}
