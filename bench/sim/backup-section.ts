/**
 * Sections 1 and 4: a library backed up through the app model and, in the same process, the same bytes through a
 * bare client. Each timed run gets a fresh server, so that neither meets a database the other filled; an untimed
 * warm-up of both kinds comes first, and the two platforms run app and bare in opposite orders.
 */
import type { Platform } from '../../simulators/device/device-spec.js';
import { prepareDevice, type BackupRun, type PreparedDevice } from './prepared-device.js';
import { runAppBackup, runBareUpload, type AppBackupRun } from './timed-backups.js';
import { makeLibrary, sizeDistribution, type BucketSummary } from './library.js';
import { ratio } from './op-rate.js';
import { backupTable, distributionTable, overheadLines, setupLine } from './report.js';
import type { SimBenchConfig } from './sim-config.js';
import { startSimServer, type SimServer } from './sim-server.js';

export interface PlatformBackup {
  readonly platform: Platform;
  readonly profileId: string;
  readonly order: string;
  readonly distribution: BucketSummary[];
  readonly totalBytes: number;
  readonly addMediaSeconds: number;
  readonly hashSeconds: number;
  readonly storageRaised: boolean;
  /** The setup line to print (left out of the JSON result). */
  readonly setupText: string;
  readonly app: AppBackupRun;
  readonly bare: BackupRun;
  /** app.seconds / bare.seconds. */
  readonly appOverBare: number | null;
}

type Progress = (line: string) => void;

async function withServer<T>(config: SimBenchConfig, fn: (server: SimServer) => Promise<T>): Promise<T> {
  const server = await startSimServer(config.dataParent);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

export async function warmUp(config: SimBenchConfig, progress: Progress): Promise<void> {
  if (config.warmupItems === 0) return;
  progress(`warm-up: ${config.warmupItems} items, app then bare (untimed)…`);
  const prepared = await prepareDevice(
    'redmi-note-8',
    makeLibrary('android', config.warmupItems, config.seed, 3_000_000),
  );
  await withServer(config, async (server) => {
    const app = await runAppBackup(prepared, server);
    const bare = await runBareUpload(prepared, server);
    for (const run of [app, bare]) if (run.problem) progress(`  warm-up ${run.mode}: ${run.problem}`);
  });
}

export async function runPlatformBackup(
  platform: Platform,
  profileId: string,
  count: number,
  appFirst: boolean,
  config: SimBenchConfig,
  progress: Progress,
): Promise<PlatformBackup> {
  const library = makeLibrary(platform, count, config.seed, platform === 'android' ? 1_000_000 : 2_000_000);
  progress(`${profileId}: filling the device with ${count} items…`);
  const prepared: PreparedDevice = await prepareDevice(profileId, library);
  let app: AppBackupRun | undefined;
  let bare: BackupRun | undefined;
  for (const mode of appFirst ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
    progress(`${profileId}: ${mode} backup of ${prepared.eligible.length} items…`);
    if (mode === 'app') app = await withServer(config, (server) => runAppBackup(prepared, server));
    else bare = await withServer(config, (server) => runBareUpload(prepared, server));
    const run = mode === 'app' ? app! : bare!;
    progress(`  ${run.seconds.toFixed(2)} s${run.problem ? `, PROBLEM: ${run.problem}` : ''}`);
  }
  return {
    platform,
    profileId,
    order: appFirst ? 'app, then bare' : 'bare, then app',
    distribution: sizeDistribution(library),
    totalBytes: library.totalBytes,
    addMediaSeconds: prepared.addMediaSeconds,
    hashSeconds: prepared.hashSeconds,
    storageRaised: prepared.storageRaised,
    setupText: setupLine(prepared),
    app: app!,
    bare: bare!,
    appOverBare: ratio(app!.seconds, bare!.seconds),
  };
}

export function printPlatformBackup(result: PlatformBackup): void {
  console.log(`\n${result.profileId} (${result.platform}) library: size distribution`);
  console.log(distributionTable(result.distribution, result.totalBytes));
  console.log(result.setupText);
  console.log(`timed runs (${result.order}; each on a fresh server):`);
  console.log(
    backupTable([
      { label: 'app model (MobileApp.backup)', run: result.app },
      { label: 'bare MbsClient.uploadItem', run: result.bare },
    ]),
  );
  for (const line of overheadLines(result.app, result.bare)) console.log(line);
}
