/**
 * A restore job (seed 000 §11.1, Appendix B): restores the selected items of the latest backup; an item still on
 * the device is skipped and counted as skipped. Android puts each file back under its original name and path; iOS
 * adds it to the photo library with a new id and no original name. File timestamps are not kept on either; iOS keeps
 * only the last-modified date of the EXIF. Stop and Resume work as for backup. Items whose place is on the SD card
 * need the app's SD card permission, which it asks for; without it they are left out.
 */
import type { Static } from 'typebox';
import { ClientError } from '../../conformance/spec/errors.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { Platform } from '../device/device-spec.js';
import type { Account } from './authenticator/accounts.js';
import type { SimulatedDevice } from '../device/simulated-device.js';
import type { MediaInit, MediaItem } from '../device/media.js';
import { contentForHash, hashOf } from './content-registry.js';
import type { JobState } from './backup-job.js';
import type { JobHost } from './job-host.js';
import type { HoldReason } from './run-conditions.js';

export type KindCounts = Record<ItemKind, number>;

const zero = (): KindCounts => ({ photo: 0, video: 0, document: 0 });

/** An item whose bytes are still on the device is skipped, never restored over (a copy counts: same bytes). */
export function restoreSkips(item: Static<typeof Item>, onDevice: readonly MediaItem[], _platform: Platform): boolean {
  return onDevice.some((m) => m.size === item.size && hashOf(m) === item.sha256);
}

/** The 2FA accounts a restore puts on the phone: those of the latest backup, as they were backed up. */
export function restoredAccounts(accounts: readonly Account[]): readonly Account[] {
  return accounts;
}

export type RestoreOutcome = 'restored' | 'skipped';

/** What the finished restore reports an item as: what happened to it. */
export function reportedAs(outcome: RestoreOutcome): RestoreOutcome {
  return outcome;
}

/** Where a job stopped before item `index` goes on: at that item. */
export function resumeAt(index: number): number {
  return index;
}

/** Where a restored item lands: its name, path and album on the device. */
export type RestoredPlace = Pick<MediaInit, 'name' | 'path' | 'album'>;

/**
 * Android: under its original name at its original path. iOS: in the Photos library under a new name of its own
 * (`serial`, the library's next number), never its original one.
 */
export function restoredPlace(platform: Platform, meta: Static<typeof ItemMeta>, serial: number): RestoredPlace {
  if (platform === 'android') return { name: meta.name, path: meta.path, album: meta.album ?? '' };
  const name = `IMG_R${String(serial).padStart(4, '0')}${meta.name.slice(meta.name.lastIndexOf('.'))}`;
  return { name, path: `/var/mobile/Media/DCIM/100APPLE/${name}`, album: 'Recents' };
}

/** What a restored file carries besides its place and bytes. */
export type RestoredDetails = Pick<MediaInit, 'capturedAt' | 'modifiedAt' | 'exif'>;

/**
 * File timestamps are the restore's own on both platforms. Android keeps the capture date and the EXIF; iOS keeps
 * of the EXIF only the last-modified date and time.
 */
export function restoredDetails(platform: Platform, meta: Static<typeof ItemMeta>, now: number): RestoredDetails {
  if (platform === 'android') return { capturedAt: meta.capturedAt ?? now, modifiedAt: now, exif: meta.exif ?? {} };
  const lastModified = meta.modifiedAt ?? meta.capturedAt;
  const exif: Record<string, string> =
    lastModified === undefined ? {} : { DateTime: new Date(lastModified).toISOString() };
  return { capturedAt: now, modifiedAt: now, exif };
}

/** An item whose place is on the SD card is restored only once the user grants the app's SD card permission. */
export function needsSdCardPermission(storage: MediaInit['storage']): boolean {
  return storage === 'sd';
}

export class RestoreJob {
  state: JobState = 'running';
  /** Why the job is held, read live: the app always says every reason that applies now. */
  get holdReasons(): HoldReason[] {
    return this.state === 'held' ? this.host.holdReasons('restore') : [];
  }
  restored: KindCounts = zero();
  skipped: KindCounts = zero();
  /** Items for the SD card left out because the app was not allowed to reach it. */
  withoutPermission: KindCounts = zero();
  error: Error | undefined;
  private index = 0;
  private stopRequested = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly host: JobHost,
    private readonly device: SimulatedDevice,
    private readonly items: readonly Static<typeof Item>[],
  ) {}

  stop(): void {
    this.stopRequested = true;
  }

  /** "Resume restoration". */
  resume(): Promise<void> {
    if (this.state === 'completed' || this.state === 'failed') return Promise.resolve();
    this.stopRequested = false;
    this.index = this.host.rules.resumeAt(this.index);
    return this.run();
  }

  /** Runs (or goes on with) the job; a second call while it runs joins the first, so no item goes twice. */
  run(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once the job is not doing anything (it may be held, stopped, completed or failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    this.state = 'running';
    try {
      while (this.index < this.items.length) {
        if (this.stopRequested) {
          this.state = 'stopped';
          return;
        }
        const reasons = this.host.holdReasons('restore');
        if (reasons.length > 0) {
          this.state = 'held';
          return;
        }
        await this.restoreOne(this.items[this.index] as Static<typeof Item>);
        this.index += 1;
      }
      this.state = 'completed';
      const skipped = Object.values(this.skipped).reduce((sum, n) => sum + n, 0);
      this.host.record('Restore', this.host.rules.restoreDoneLevel(skipped), `Restore completed: ${this.summary()}`);
    } catch (error) {
      this.state = 'failed';
      this.error = error as Error;
      this.host.record(
        this.host.rules.failedJobCategory('restore'),
        'Error',
        `Restore failed: ${(error as Error).message}`,
      );
    }
  }

  summary(): string {
    const part = (counts: KindCounts) => `${counts.photo} Photos, ${counts.video} Videos, ${counts.document} Files`;
    return `${part(this.restored)} restored; ${part(this.skipped)} skipped`;
  }

  private async restoreOne(item: Static<typeof Item>): Promise<void> {
    if (this.host.rules.restoreSkips(item, this.device.mediaItems(), this.device.platform)) {
      this[this.host.rules.reportedAs('skipped')][item.meta.kind] += 1;
      return;
    }
    const bytes = await this.host.client().download(item.sha256);
    const content = contentForHash(item.sha256);
    if (!content || bytes.length !== item.size || hashOf({ ...content }) !== item.sha256) {
      throw new ClientError('protocol-violation', `Restored bytes of ${item.meta.name} do not match their hash.`);
    }
    const media = this.restoredMedia(item, content);
    // Android: the SD card is reached only with the permission the app asks for (seed 000 §11: Original location).
    if (this.host.rules.needsSdCardPermission(media.storage) && !this.device.permissions.request('sd-card')) {
      this.withoutPermission[item.meta.kind] += 1;
      this.host.record('Restore', 'Error', `${item.meta.name} not restored: allow access to the SD card.`);
      return;
    }
    this.device.addMedia(media);
    this[this.host.rules.reportedAs('restored')][item.meta.kind] += 1;
  }

  private restoredMedia(item: Static<typeof Item>, content: { contentSeed: number; size: number }): MediaInit {
    const now = this.device.clock.now();
    const { meta } = item;
    const { platform } = this.device;
    const place = this.host.rules.restoredPlace(platform, meta, this.device.mediaItems().length + 1);
    const onCard = platform === 'android' && /^\/storage\/[0-9A-F]{4}-[0-9A-F]{4}\//.test(meta.path);
    return {
      ...place,
      ...this.host.rules.restoredDetails(platform, meta, now),
      storage: onCard ? 'sd' : 'internal',
      origin: 'device',
      ...content,
    };
  }
}
