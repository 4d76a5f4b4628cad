/**
 * A simulated phone: storage, battery, locks, Wi-Fi, a media store, iOS Recently Deleted and inboxes. Pure state
 * with rules, no I/O; it tells listeners when something the app reacts to (battery, power, network) changes.
 */
import { ClientError } from '../../conformance/spec/errors.js';
import { DAY_MS, type SimClock } from '../clock/clock.js';
import type { DeviceSpec } from './device-spec.js';
import type { PushNotification, SmsMessage } from './inboxes.js';
import { mediaItem, type MediaInit, type MediaItem } from './media.js';
import { PermissionCenter } from './permissions.js';

/** iOS keeps deleted photos and videos this long, and they still use storage meanwhile (seed 000 §2.6.2). */
export const RECENTLY_DELETED_MS = 40 * DAY_MS;

export interface NetworkState {
  /** The Wi-Fi network joined, or null when off. */
  readonly wifi: string | null;
  /** Whether the backup machine is reachable on that network (same LAN). */
  readonly backupMachineReachable: boolean;
  /** Whether the device reaches the internet (push notifications need it). */
  readonly internet: boolean;
}

export interface DeletedItem {
  readonly item: MediaItem;
  readonly deletedAt: number;
}

export type DeviceEvent = 'battery' | 'power' | 'network' | 'storage' | 'foreground';

/** iOS asking the user to allow the deletion of N items for free up space (seed 000 §6.4.5). */
export interface DeletePrompt {
  readonly count: number;
  readonly at: number;
  readonly allowed: boolean;
}

export class SimulatedDevice {
  readonly spec: DeviceSpec;
  readonly clock: SimClock;
  batteryLevel: number;
  charging: boolean;
  network: NetworkState = { wifi: 'home', backupMachineReachable: true, internet: true };
  screenLock: DeviceSpec['screenLock'];
  biometric: DeviceSpec['biometric'];
  /** Whether the app is in the foreground (iOS runs automated backup only then). */
  foreground = true;
  /** The screen lock's PIN, pattern, password or passcode, which the user types to authenticate. */
  lockSecret = '2580';
  /** The user's answer when iOS asks to delete items for free up space. */
  deleteConsent: 'allow' | 'deny' = 'allow';
  /** Every deletion prompt shown, oldest first. */
  readonly deletePrompts: DeletePrompt[] = [];
  /** The language chosen when the phone was set up; the app starts in it when it offers it. */
  setupLanguage = 'English';
  readonly permissions: PermissionCenter;
  systemBytes: number;
  readonly pushInbox: PushNotification[] = [];
  readonly smsInbox: SmsMessage[] = [];
  private readonly media = new Map<string, MediaItem>();
  /** Kept as items come and go, so storage checks do not walk the library. */
  private internalMediaBytes = 0;
  private deleted: DeletedItem[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(event: DeviceEvent) => void>();

  constructor(spec: DeviceSpec, clock: SimClock) {
    this.spec = spec;
    this.clock = clock;
    this.batteryLevel = spec.battery.level;
    this.charging = spec.battery.charging;
    this.screenLock = spec.screenLock;
    this.biometric = spec.biometric;
    this.systemBytes = spec.systemBytes;
    this.permissions = new PermissionCenter(() => clock.now());
  }

  get platform() {
    return this.spec.platform;
  }

  onChange(listener: (event: DeviceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setBattery(level: number, charging = this.charging): void {
    if (!Number.isInteger(level) || level < 0 || level > 100) {
      throw new RangeError(`Battery level must be a whole number 0-100, not ${level}.`);
    }
    const powerChanged = charging !== this.charging;
    this.batteryLevel = level;
    this.charging = charging;
    this.emit('battery');
    if (powerChanged) this.emit('power');
  }

  setNetwork(network: Partial<NetworkState>): void {
    this.network = { ...this.network, ...network };
    if (this.network.wifi === null) this.network = { ...this.network, backupMachineReachable: false };
    this.emit('network');
  }

  setForeground(foreground: boolean): void {
    this.foreground = foreground;
    this.emit('foreground');
  }

  /** Bytes of internal storage in use: the system's, the media's, and (iOS) Recently Deleted's. */
  usedBytes(): number {
    let used = this.systemBytes + this.internalMediaBytes;
    for (const { item } of this.recentlyDeleted()) used += item.size;
    return used;
  }

  freeBytes(): number {
    return this.spec.storageBytes - this.usedBytes();
  }

  /** Makes the rest of the storage fill up (other apps' data) so that exactly `freeBytes` stay free. */
  setFreeBytes(freeBytes: number): void {
    const system = this.spec.storageBytes - freeBytes - (this.usedBytes() - this.systemBytes);
    if (system < 0 || freeBytes < 0) throw new ClientError('storage-full', `Cannot leave ${freeBytes} bytes free.`);
    this.systemBytes = system;
    this.emit('storage');
  }

  addMedia(init: MediaInit): MediaItem {
    const item = mediaItem(init, `m${this.nextId++}`);
    if (this.media.has(item.id)) throw new ClientError('media-invalid', `A media item ${item.id} already exists.`);
    if (item.storage === 'sd' && (this.platform !== 'android' || !this.spec.sdCardBytes)) {
      throw new ClientError('media-invalid', `${this.spec.name} has no SD card.`);
    }
    if (item.origin === 'itunes-sync' && this.platform !== 'ios') {
      throw new ClientError('media-invalid', 'Only an iPhone holds media synced from iTunes.');
    }
    if (item.storage === 'internal' && item.size > this.freeBytes()) {
      throw new ClientError(
        'storage-full',
        `${item.name} (${item.size} bytes) does not fit in ${this.freeBytes()} free bytes.`,
      );
    }
    this.media.set(item.id, item);
    if (item.storage === 'internal') this.internalMediaBytes += item.size;
    this.emit('storage');
    return item;
  }

  /** Removes an item: on iOS it goes to Recently Deleted, on Android it is gone. */
  removeMedia(id: string): MediaItem | undefined {
    const item = this.media.get(id);
    if (!item) return undefined;
    this.media.delete(id);
    if (item.storage === 'internal') this.internalMediaBytes -= item.size;
    if (this.platform === 'ios') this.deleted.push({ item, deletedAt: this.clock.now() });
    this.emit('storage');
    return item;
  }

  /** The system prompt to allow the deletion of `count` items; the user's answer is `deleteConsent`. */
  askDeleteConsent(count: number): boolean {
    const allowed = this.deleteConsent === 'allow';
    this.deletePrompts.push({ count, at: this.clock.now(), allowed });
    return allowed;
  }

  /** Empties Recently Deleted, as the seed recommends doing by hand. */
  clearRecentlyDeleted(): void {
    this.deleted = [];
    this.emit('storage');
  }

  /** iOS Recently Deleted: items removed less than 40 days ago. */
  recentlyDeleted(): readonly DeletedItem[] {
    const now = this.clock.now();
    this.deleted = this.deleted.filter((d) => now - d.deletedAt < RECENTLY_DELETED_MS);
    return this.deleted;
  }

  mediaItems(): MediaItem[] {
    return [...this.media.values()];
  }

  mediaById(id: string): MediaItem | undefined {
    return this.media.get(id);
  }

  receivePush(notification: PushNotification): void {
    this.pushInbox.push(notification);
  }

  receiveSms(message: SmsMessage): void {
    this.smsInbox.push(message);
  }

  private emit(event: DeviceEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
