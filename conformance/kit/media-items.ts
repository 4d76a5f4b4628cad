/**
 * Media for the device-scope checks: items of any kind put on the phone where the platform keeps them (internal
 * storage or the SD card, dated from a fixed day, with fresh content drawn from the world's content source, or
 * repeated content), and the items the server lists back for the device, counted by kind.
 */
import type { Static } from 'typebox';
import type { ItemKind } from '../spec/file-types.js';
import type { Item } from '../spec/protocol/resources.js';
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import { listAllItems } from '../../simulators/mbs-client/listing-pages.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { Platform } from '../../simulators/device/device-spec.js';
import type { MediaInit, MediaItem, MediaOrigin, StorageArea } from '../../simulators/device/media.js';
import type { World } from './device-world.js';

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

/** What media are put on: a world's device, drawing fresh content from the world's content source. */
export type Phone = Pick<World, 'device' | 'content'>;

export const DAY = 86_400_000;
export const BASE_DATE = Date.UTC(2021, 3, 19, 12);

/** Where a file of this name lives on the platform and storage area. */
export function pathFor(platform: Platform, spec: MediaSpec): string {
  if (platform === 'ios') return `/var/mobile/Media/DCIM/100APPLE/${spec.name}`;
  const root = spec.storage === 'sd' ? '/storage/1A2B-3C4D' : '/storage/emulated/0';
  return `${root}/${spec.folder ?? 'DCIM/Camera'}/${spec.name}`;
}

/** An item for `phone`, with fresh content unless the spec repeats some: to put on it now or later. */
export function mediaInit(phone: Phone, spec: MediaSpec): MediaInit {
  const capturedAt = spec.capturedAt ?? BASE_DATE;
  return {
    name: spec.name,
    path: pathFor(phone.device.platform, spec),
    size: spec.size ?? 1500,
    contentSeed: spec.contentSeed ?? phone.content.contentSeed(),
    album: spec.album ?? 'Camera',
    capturedAt,
    modifiedAt: capturedAt + 60_000,
    exif: spec.exif ?? {},
    storage: spec.storage ?? 'internal',
    origin: spec.origin ?? 'device',
  };
}

export function addMedia(phone: Phone, spec: MediaSpec): MediaItem {
  return phone.device.addMedia(mediaInit(phone, spec));
}

/** Every item the server lists for the device, in all tabs. */
export function serverItems(app: MobileApp): Promise<ServerItem[]> {
  return listedItems(app.client());
}

/** Every item the server lists for the device whose key `client` holds, in all tabs, page after page. */
export function listedItems(client: MbsClient): Promise<ServerItem[]> {
  return listAllItems(client, { limit: 1000 });
}

export function kindCounts(kinds: readonly ItemKind[]): Record<ItemKind, number> {
  const counts = { photo: 0, video: 0, document: 0 };
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}
