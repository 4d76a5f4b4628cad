/**
 * The generated photo and video library. Every item is a list of views into one pool of pseudo-random bytes (AES-CTR
 * keystream of the seed), each view starting at an offset of its own, so items are distinct, generating them costs
 * nothing and sending them copies nothing. Hashes are computed here, before any timing starts.
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { ItemMeta } from '../../conformance/spec/protocol/resources.js';
import { MB, type BenchConfig } from './bench-config.js';

/** Room for the per-item offsets: the pool is one chunk plus this. */
const SLACK = 1 * MB;
/** Odd, so `i × STRIDE mod 2^20` differs for every i below 2^20: no two items start at the same offset. */
const STRIDE = 4099;

export interface LibraryItem {
  readonly sha256: string;
  readonly size: number;
  readonly meta: ItemMeta;
  /** The item's bytes as append bodies, none longer than the chunk size. */
  readonly chunks: readonly Buffer[];
}

export interface Library {
  readonly items: readonly LibraryItem[];
  readonly totalBytes: number;
}

export function bytePool(seed: number, chunkBytes: number): Buffer {
  const key = createHash('sha256').update(`mbs-bench-${seed}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(chunkBytes + SLACK));
}

export function generateLibrary(config: BenchConfig, pool: Buffer): Library {
  const random = mulberry32(config.seed);
  const items: LibraryItem[] = [];
  for (let i = 0; i < config.photos; i++) {
    const size = config.photoMinBytes + Math.floor(random() * (config.photoMaxBytes - config.photoMinBytes + 1));
    items.push(
      makeItem(pool, config.chunkBytes, items.length, size, meta('photo', `IMG_${pad(i)}.JPG`, 'DCIM/Camera')),
    );
  }
  for (let i = 0; i < config.videos; i++) {
    const name = `VID_${pad(i)}.MP4`;
    items.push(makeItem(pool, config.chunkBytes, items.length, config.videoBytes, meta('video', name, 'DCIM/Camera')));
  }
  assertDistinct(items);
  return { items, totalBytes: items.reduce((sum, i) => sum + i.size, 0) };
}

/** `perDevice` small photos for each of `devices` devices, all distinct. */
export function smallItems(config: BenchConfig, pool: Buffer): LibraryItem[][] {
  const all: LibraryItem[] = [];
  for (let d = 0; d < config.devices; d++) {
    for (let k = 0; k < config.smallItems; k++) {
      const name = `IMG_${pad(d)}_${k}.JPG`;
      all.push(makeItem(pool, config.chunkBytes, all.length, config.smallItemBytes, meta('photo', name, 'Pictures')));
    }
  }
  assertDistinct(all);
  return Array.from({ length: config.devices }, (_, d) =>
    all.slice(d * config.smallItems, (d + 1) * config.smallItems),
  );
}

/**
 * Splits the items over `clients` so that their byte totals are as even as the items allow (largest first, each to
 * the least loaded client), the same way for the baseline and the reference server.
 */
export function shareOut(items: readonly LibraryItem[], clients: number): LibraryItem[][] {
  const shares: LibraryItem[][] = Array.from({ length: clients }, () => []);
  const loads = new Array<number>(clients).fill(0);
  for (const item of [...items].sort((a, b) => b.size - a.size)) {
    const least = loads.indexOf(Math.min(...loads));
    shares[least]!.push(item);
    loads[least]! += item.size;
  }
  return shares;
}

function makeItem(pool: Buffer, chunkBytes: number, index: number, size: number, itemMeta: ItemMeta): LibraryItem {
  const start = (index * STRIDE) % SLACK;
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  for (let at = 0; at < size || (size === 0 && chunks.length === 0); at += chunkBytes) {
    // Each further chunk shifts by one byte, so a long item is not the same chunk repeated.
    const offset = (start + chunks.length) % SLACK;
    const chunk = pool.subarray(offset, offset + Math.min(chunkBytes, size - at));
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { sha256: hash.digest('hex'), size, meta: itemMeta, chunks };
}

function assertDistinct(items: readonly LibraryItem[]): void {
  if (new Set(items.map((i) => i.sha256)).size !== items.length) throw new Error('Generated items are not distinct.');
}

function meta(kind: 'photo' | 'video', name: string, folder: string): ItemMeta {
  return { kind, name, path: `/storage/emulated/0/${folder}/${name}`, capturedAt: 1_618_833_600_000 };
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

/** A small seeded PRNG: the same seed gives the same photo sizes on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
