/**
 * The disk under the temporary directory, which every number of this benchmark depends on (both servers fsync every
 * chunk; the reference server every SQLite commit too). Disk use stays bounded: only one phase's files exist at a
 * time (each phase gets a fresh data directory, removed afterwards), and the library is scaled down when free space
 * is short. How fast the disk commits is probed before each phase, since on a shared or virtual disk it varies from
 * minute to minute.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { MB, withScale, type BenchConfig } from './bench-config.js';

const GB = 1024 * MB;
/**
 * The library may take at most half of what is free beyond this reserve: one phase's copy of it on disk, and as much
 * again left for the other users of the disk. The default library (at most 2.9 GB) is scaled down below ~6.8 GB free.
 */
const RESERVE = 1 * GB;

export interface SpaceCheck {
  readonly config: BenchConfig;
  readonly freeBytes: number;
  readonly note: string | undefined;
}

/** Upper bound of the library's size, before it is generated (photo sizes are drawn at random). */
export function libraryUpperBound(config: BenchConfig): number {
  return config.photos * config.photoMaxBytes + config.videos * config.videoBytes;
}

export async function fitToDisk(config: BenchConfig): Promise<SpaceCheck> {
  const stats = await statfs(config.tmpRoot);
  const freeBytes = stats.bavail * stats.bsize;
  const needed = libraryUpperBound(config);
  const budget = Math.max(0, (freeBytes - RESERVE) / 2);
  if (needed <= budget) return { config, freeBytes, note: undefined };
  const factor = Math.max(0.001, budget / needed);
  return {
    config: withScale(config, factor),
    freeBytes,
    note:
      `only ${(freeBytes / GB).toFixed(1)} GB free in ${config.tmpRoot}: library scaled by ${factor.toFixed(3)} ` +
      `(scale ${config.scale} → ${(config.scale * factor).toFixed(3)})`,
  };
}

const PROBE_ROUNDS = 15;
const BLOCK = Buffer.alloc(4096, 0x5a);

/** The median of a few small write + fsync rounds, in ms. */
export function probeFsyncMs(tmpRoot: string): number {
  const dir = mkdtempSync(path.join(tmpRoot, 'mbs-bench-probe-'));
  try {
    const fd = openSync(path.join(dir, 'probe'), 'w');
    const times: number[] = [];
    try {
      for (let i = 0; i < PROBE_ROUNDS; i++) {
        const start = performance.now();
        writeSync(fd, BLOCK, 0, BLOCK.length, i * BLOCK.length);
        fsyncSync(fd);
        times.push(performance.now() - start);
      }
    } finally {
      closeSync(fd);
    }
    return times.sort((a, b) => a - b)[Math.floor(PROBE_ROUNDS / 2)] as number;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
