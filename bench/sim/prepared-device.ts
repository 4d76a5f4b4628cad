/**
 * What the app run and the bare baseline share: a device of a profile filled with a library (before any timing),
 * the eligible items both upload, and the numbers each run reports.
 */
import type { Counts } from '../../conformance/spec/protocol/resources.js';
import { loadProfile } from '../../devices/load-profiles.js';
import { defaultSources, eligibleItems } from '../../simulators/app/backup-sources.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import { GB } from '../../simulators/app/settings.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import type { MediaItem } from '../../simulators/device/media.js';
import { SimulatedDevice } from '../../simulators/device/simulated-device.js';
import type { Library } from './library.js';
import { timed, type Timing } from './op-rate.js';

export interface PreparedDevice {
  readonly profileId: string;
  readonly device: SimulatedDevice;
  /** Wall seconds of the device.addMedia calls that filled the library. */
  readonly addMediaSeconds: number;
  /** Wall seconds of hashing every eligible item once (cached by content seed; untimed in both runs). */
  readonly hashSeconds: number;
  /** Free bytes the profile left, and whether they were raised to fit the library. */
  readonly freeBytesBefore: number;
  readonly storageRaised: boolean;
  readonly eligible: readonly MediaItem[];
  readonly eligibleBytes: number;
  readonly expectedCounts: Counts;
}

export interface BackupRun {
  readonly mode: 'app' | 'bare';
  readonly items: number;
  readonly bytes: number;
  readonly seconds: number;
  /** CPU seconds of the process during the run (the server's included). */
  readonly cpuSeconds: number;
  readonly itemsPerSecond: number;
  /** MB = 10^6 bytes. */
  readonly mbPerSecond: number;
  /** HTTP requests of the timed run (start, per-item creates and appends, commit). */
  readonly requests: number;
  readonly counts: Counts | null;
  /** Why the run does not count, or null. */
  readonly problem: string | null;
}

export async function prepareDevice(profileId: string, library: Library): Promise<PreparedDevice> {
  const device = new SimulatedDevice(loadProfile(profileId), new VirtualClock());
  const freeBytesBefore = device.freeBytes();
  // Keep 1 GB spare beyond the library, so that free space never runs out mid-setup.
  const storageRaised = freeBytesBefore < library.totalBytes + GB;
  if (storageRaised) device.setFreeBytes(library.totalBytes + 2 * GB);
  const added = await timed(() => {
    for (const init of library.items) device.addMedia(init);
  });
  const eligible = eligibleItems(device.platform, defaultSources(device.platform), device.mediaItems());
  const hashed = await timed(() => {
    for (const item of eligible) hashOf(item);
  });
  const expectedCounts: Counts = { photos: 0, videos: 0, files: 0, twoFactorAccounts: 0 };
  for (const item of eligible) {
    if (item.kind === 'photo') expectedCounts.photos += 1;
    else if (item.kind === 'video') expectedCounts.videos += 1;
    else expectedCounts.files += 1;
  }
  return {
    profileId,
    device,
    addMediaSeconds: added.seconds,
    hashSeconds: hashed.seconds,
    freeBytesBefore,
    storageRaised,
    eligible,
    eligibleBytes: eligible.reduce((n, item) => n + item.size, 0),
    expectedCounts,
  };
}

export function backupRun(
  mode: BackupRun['mode'],
  prepared: PreparedDevice,
  { seconds, cpuSeconds }: Timing,
  requests: number,
  counts: Counts | null,
  problem: string | null,
): BackupRun {
  const mismatch =
    counts && JSON.stringify(counts) !== JSON.stringify(prepared.expectedCounts)
      ? `counts ${JSON.stringify(counts)} differ from the library's ${JSON.stringify(prepared.expectedCounts)}`
      : null;
  return {
    mode,
    items: prepared.eligible.length,
    bytes: prepared.eligibleBytes,
    seconds,
    cpuSeconds,
    itemsPerSecond: seconds > 0 ? prepared.eligible.length / seconds : 0,
    mbPerSecond: seconds > 0 ? prepared.eligibleBytes / 1e6 / seconds : 0,
    requests,
    counts,
    problem: problem ?? mismatch,
  };
}
