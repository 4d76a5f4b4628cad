/**
 * Deterministic media libraries for the benchmark: mostly photos of a few KB, so that 10,000 items stay quick,
 * with some larger photos, some documents (Android only) and a few videos, so that chunked appends and every kind
 * take part. Each item has its own content seed, so no two items share bytes and the server never dedupes them.
 */
import type { Platform } from '../../simulators/device/device-spec.js';
import type { MediaInit } from '../../simulators/device/media.js';

export const KB = 1_000;
export const MB = 1_000_000;

interface Bucket {
  readonly label: string;
  /** Share of the library, 0..1; the small-photo bucket takes whatever the others leave. */
  readonly share: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly prefix: string;
  readonly ext: string;
  readonly folder: string;
}

const BUCKETS: readonly Bucket[] = [
  {
    label: 'video 0.5-3 MB',
    share: 0.003,
    minBytes: 500 * KB,
    maxBytes: 3 * MB,
    prefix: 'VID',
    ext: 'mp4',
    folder: 'DCIM/Camera',
  },
  {
    label: 'photo 40-400 KB',
    share: 0.03,
    minBytes: 40 * KB,
    maxBytes: 400 * KB,
    prefix: 'IMG',
    ext: 'jpg',
    folder: 'DCIM/Camera',
  },
  {
    label: 'document 5-60 KB',
    share: 0.015,
    minBytes: 5 * KB,
    maxBytes: 60 * KB,
    prefix: 'DOC',
    ext: 'pdf',
    folder: 'Documents',
  },
  {
    label: 'photo 2-8 KB',
    share: 1,
    minBytes: 2 * KB,
    maxBytes: 8 * KB,
    prefix: 'IMG',
    ext: 'jpg',
    folder: 'DCIM/Camera',
  },
];

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Library {
  readonly items: MediaInit[];
  /** Label of each item's size bucket, parallel to `items`. */
  readonly buckets: string[];
  readonly totalBytes: number;
}

/**
 * `count` items captured over three years, oldest first (free up space removes oldest first). `seedBase` keeps
 * libraries apart: items of different libraries never share bytes.
 */
export function makeLibrary(platform: Platform, count: number, seed: number, seedBase: number): Library {
  const random = prng(seed * 7919 + seedBase);
  const start = Date.UTC(2023, 0, 1);
  const span = 3 * 365 * 24 * 3600 * 1000;
  const root = platform === 'android' ? '/storage/emulated/0' : '/var/mobile/Media';
  const items: MediaInit[] = [];
  const buckets: string[] = [];
  let totalBytes = 0;
  for (let i = 0; i < count; i++) {
    const bucket = pickBucket(random(), platform);
    const size = bucket.minBytes + Math.floor(random() * (bucket.maxBytes - bucket.minBytes + 1));
    const capturedAt = start + Math.floor((span * i) / count) + Math.floor(random() * 1000);
    const name = `${bucket.prefix}_${String(i).padStart(6, '0')}.${bucket.ext}`;
    const folder = platform === 'ios' ? 'DCIM/100APPLE' : bucket.folder;
    items.push({
      name,
      path: `${root}/${folder}/${name}`,
      size,
      contentSeed: seedBase + i,
      album: bucket.folder === 'Documents' ? 'Documents' : 'Camera',
      capturedAt,
      modifiedAt: capturedAt,
      exif:
        bucket.ext === 'jpg'
          ? { Make: platform === 'ios' ? 'Apple' : 'Xiaomi', DateTimeOriginal: new Date(capturedAt).toISOString() }
          : {},
      storage: 'internal',
      origin: 'device',
    });
    buckets.push(bucket.label);
    totalBytes += size;
  }
  return { items, buckets, totalBytes };
}

function pickBucket(r: number, platform: Platform): Bucket {
  let edge = 0;
  for (const bucket of BUCKETS) {
    // Documents are never backed up on iOS (DESIGN.md): an iPhone library has small photos in their place.
    if (platform === 'ios' && bucket.ext === 'pdf') continue;
    edge += bucket.share;
    if (r < edge) return bucket;
  }
  return BUCKETS[BUCKETS.length - 1] as Bucket;
}

export interface BucketSummary {
  readonly label: string;
  readonly count: number;
  readonly minBytes: number;
  readonly medianBytes: number;
  readonly maxBytes: number;
  readonly totalBytes: number;
}

/** Count, min, median, max and total bytes of each size bucket, largest bucket first. */
export function sizeDistribution(library: Library): BucketSummary[] {
  const sizes = new Map<string, number[]>();
  library.items.forEach((item, i) => {
    const label = library.buckets[i] as string;
    const list = sizes.get(label) ?? [];
    list.push(item.size);
    sizes.set(label, list);
  });
  return [...sizes]
    .map(([label, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return {
        label,
        count: sorted.length,
        minBytes: sorted[0] ?? 0,
        medianBytes: sorted[Math.floor(sorted.length / 2)] ?? 0,
        maxBytes: sorted[sorted.length - 1] ?? 0,
        totalBytes: sorted.reduce((n, s) => n + s, 0),
      };
    })
    .sort((a, b) => b.count - a.count);
}
