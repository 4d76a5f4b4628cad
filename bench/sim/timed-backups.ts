/**
 * The two timed backups of the same prepared device. The app run pairs by scanning the QR payload and makes one
 * MobileApp.backup() over the whole library; afterwards, untimed, it times one pass of the scan the backup job
 * repeats before every item (eligible items, then those not confirmed). The baseline sends the same items and bytes
 * with a bare MbsClient and no app model: startBackup, one uploadItem per item (create, then one append of the whole
 * item), commitBackup. Hashes come from the cache both share, filled before either run, so neither pays for hashing.
 */
import { MobileApp } from '../../simulators/app/mobile-app.js';
import { itemMeta } from '../../simulators/app/uploaded-items.js';
import { contentOf, sha256Of } from '../../simulators/device/media.js';
import { medianMs, timed } from './op-rate.js';
import { backupRun, type BackupRun, type PreparedDevice } from './prepared-device.js';
import type { SimServer } from './sim-server.js';

export interface AppBackupRun extends BackupRun {
  /** Bytes the job says it sent in appends: equal to `bytes` when nothing went twice. */
  readonly bytesSent: number;
  /** Median wall ms of one job scan (app.eligibleItems() filtered by app.isConfirmed) over the library, after the run. */
  readonly scanPassMs: number;
  /** items × scanPassMs: about what the job's per-item rescans cost over the run. */
  readonly estimatedScanSeconds: number;
}

export async function runAppBackup(prepared: PreparedDevice, server: SimServer): Promise<AppBackupRun> {
  const app = new MobileApp(prepared.device);
  // The benchmark starts the job itself; an automated one must not race it.
  app.updateSettings({ automatedBackup: false });
  await app.scanQr(await server.pairingPayload());
  const { value: job, ...timing } = await timed(() => app.backup());
  const appends = prepared.eligible.reduce((n, item) => n + Math.max(1, Math.ceil(item.size / app.chunkBytes)), 0);
  const requests = 2 + prepared.eligible.length + appends;
  let problem: string | null = null;
  if (job.state !== 'completed') problem = `job ended ${job.state}${job.error ? `: ${job.error.message}` : ''}`;
  else if (job.bytesSent !== prepared.eligibleBytes) {
    problem = `job sent ${job.bytesSent} bytes for ${prepared.eligibleBytes} bytes of items`;
  }
  const scanPassMs = medianMs(() => app.eligibleItems().filter((item) => !app.isConfirmed(item)).length, 500);
  return {
    ...backupRun('app', prepared, timing, requests, job.counts ?? null, problem),
    bytesSent: job.bytesSent,
    scanPassMs,
    estimatedScanSeconds: (prepared.eligible.length * scanPassMs) / 1000,
  };
}

export async function runBareUpload(prepared: PreparedDevice, server: SimServer): Promise<BackupRun> {
  const { device } = prepared;
  const client = await server.pairBare(`${device.spec.name} bare`, device.platform);
  const hashes = prepared.eligible.map((item) => sha256Of(item));
  const attempt = await timed(async () => {
    const { backupId } = await client.call('startBackup', { body: {} });
    for (const [i, item] of prepared.eligible.entries()) {
      await client.uploadItem(backupId, contentOf(item), itemMeta(item), hashes[i] as string);
    }
    return client.call('commitBackup', { params: { backupId }, body: { present: hashes, accounts: [] } });
  }).then(
    (ok) => ({ ...ok, error: null }),
    (error: unknown) => ({ value: null, seconds: 0, cpuSeconds: 0, error: error as Error }),
  );
  const problem = attempt.error ? `bare upload failed: ${attempt.error.message}` : null;
  const requests = 2 + 2 * prepared.eligible.length;
  return backupRun('bare', prepared, attempt, requests, attempt.value?.counts ?? null, problem);
}
