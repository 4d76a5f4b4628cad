/**
 * Media for `mobile: addMedia`: a batch of photos, videos or documents named and placed as the platform would
 * (Android's DCIM/Camera and Documents, the SD card; iOS's DCIM/100APPLE), captured a minute apart, oldest first.
 * `unsupported` gives files of a type the app does not back up.
 */
import { createHash } from 'node:crypto';
import type { MediaInit, MediaOrigin, StorageArea } from '../device/media.js';
import type { SimulatedDevice } from '../device/simulated-device.js';

export const MEDIA_KINDS = ['photo', 'video', 'document', 'unsupported'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface MediaBatch {
  readonly kind: MediaKind;
  readonly count: number;
  readonly sizeBytes: number;
  /** A file extension without the dot; by default jpg, mp4, pdf or xyz. */
  readonly extension?: string;
  readonly album?: string;
  readonly capturedAt?: number;
  readonly storage?: StorageArea;
  readonly origin?: MediaOrigin;
}

const DEFAULTS: Record<MediaKind, { prefix: string; extension: string }> = {
  photo: { prefix: 'IMG', extension: 'jpg' },
  video: { prefix: 'VID', extension: 'mp4' },
  document: { prefix: 'DOC', extension: 'pdf' },
  unsupported: { prefix: 'FILE', extension: 'xyz' },
};

/** How many items each phone was given: with its profile, what each item's content is derived from. */
const given = new WeakMap<SimulatedDevice, number>();

/**
 * The content of the n-th item given to a phone: the same on every run, so a check through the screens reproduces
 * from its seed (and its replay) exactly as one on the app model does.
 */
function contentSeed(device: SimulatedDevice): number {
  const n = (given.get(device) ?? 0) + 1;
  given.set(device, n);
  return createHash('sha256').update(`${device.spec.id}#${n}`).digest().readUInt32BE(0) % 2 ** 31 || 1;
}

export function mediaBatch(device: SimulatedDevice, batch: MediaBatch): MediaInit[] {
  const { prefix, extension: fallback } = DEFAULTS[batch.kind];
  const extension = batch.extension ?? fallback;
  const storage = batch.storage ?? 'internal';
  const last = batch.capturedAt ?? device.clock.now();
  const start = device.mediaItems().length + 1;
  return Array.from({ length: batch.count }, (_, i): MediaInit => {
    const name = `${prefix}_${String(start + i).padStart(4, '0')}.${extension}`;
    const capturedAt = last - (batch.count - 1 - i) * 60_000;
    return {
      name,
      path: `${folder(device, batch.kind, storage)}/${name}`,
      size: batch.sizeBytes,
      contentSeed: contentSeed(device),
      album: batch.album ?? (batch.kind === 'document' ? '' : device.platform === 'ios' ? 'Recents' : 'Camera'),
      capturedAt,
      modifiedAt: capturedAt,
      exif: (batch.kind === 'photo'
        ? { Make: device.spec.model, DateTimeOriginal: new Date(capturedAt).toISOString() }
        : {}) as Record<string, string>,
      storage,
      origin: batch.origin ?? 'device',
    };
  });
}

function folder(device: SimulatedDevice, kind: MediaKind, storage: StorageArea): string {
  if (device.platform === 'ios') return '/var/mobile/Media/DCIM/100APPLE';
  const root = storage === 'sd' ? '/storage/1A2B-3C4D' : '/storage/emulated/0';
  return kind === 'document' || kind === 'unsupported' ? `${root}/Documents` : `${root}/DCIM/Camera`;
}
