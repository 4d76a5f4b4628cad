/**
 * Media for the device-scope checks: items of any kind put on the phone where the platform keeps them (internal
 * storage or the SD card, dated from a fixed day, with fresh or repeated content), and the items the server lists
 * back for the device, counted by kind.
 */
import type { Static } from 'typebox';
import type { ItemKind } from '../spec/file-types.js';
import type { Item } from '../spec/protocol/resources.js';
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import type { Platform } from '../../simulators/device/device-spec.js';
import type { MediaInit, MediaItem, MediaOrigin, StorageArea } from '../../simulators/device/media.js';
import type { SimulatedDevice } from '../../simulators/device/simulated-device.js';

export type ServerItem = Static<typeof Item>;

export interface MediaSpec {
  readonly name: string;
  readonly size?: number;
  readonly capturedAt?: number;
  readonly storage?: StorageArea;
  readonly origin?: MediaOrigin;
  readonly exif?: Record<string, string>;
  readonly folder?: string;
  readonly album?: string;
  /** Same bytes as an earlier item: a copy. */
  readonly contentSeed?: number;
}

let nextSeed = 7_000_000 + Math.floor(Math.random() * 1_000_000) * 100;

export const DAY = 86_400_000;
export const BASE_DATE = Date.UTC(2021, 3, 19, 12);

/** Where a file of this name lives on the platform and storage area. */
export function pathFor(platform: Platform, spec: MediaSpec): string {
  if (platform === 'ios') return `/var/mobile/Media/DCIM/100APPLE/${spec.name}`;
  const root = spec.storage === 'sd' ? '/storage/1A2B-3C4D' : '/storage/emulated/0';
  return `${root}/${spec.folder ?? 'DCIM/Camera'}/${spec.name}`;
}

export function mediaInit(platform: Platform, spec: MediaSpec): MediaInit {
  const capturedAt = spec.capturedAt ?? BASE_DATE;
  return {
    name: spec.name,
    path: pathFor(platform, spec),
    size: spec.size ?? 1500,
    contentSeed: spec.contentSeed ?? nextSeed++,
    album: spec.album ?? 'Camera',
    capturedAt,
    modifiedAt: capturedAt + 60_000,
    exif: spec.exif ?? {},
    storage: spec.storage ?? 'internal',
    origin: spec.origin ?? 'device',
  };
}

export function addMedia(device: SimulatedDevice, spec: MediaSpec): MediaItem {
  return device.addMedia(mediaInit(device.platform, spec));
}

export function newContentSeed(): number {
  return nextSeed++;
}

/** Every item the server lists for the device, in all tabs. */
export async function serverItems(app: MobileApp): Promise<ServerItem[]> {
  const items: ServerItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ServerItem[]; nextCursor: string | null } = await app.client().call('listItems', {
      query: { limit: 1000, ...(cursor ? { cursor } : {}) },
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function kindCounts(kinds: readonly ItemKind[]): Record<ItemKind, number> {
  const counts = { photo: 0, video: 0, document: 0 };
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}
