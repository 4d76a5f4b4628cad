/**
 * Starting, stopping and resuming the app's jobs: a job holds while the run conditions (run-conditions.ts) are
 * false on this device; one backup or restore runs at a time; a held job goes on by itself once its conditions
 * are true again; automated backup starts one when conditions become true and something is left to back up (on
 * iOS only while the app is in the foreground).
 */
import type { Static } from 'typebox';
import { ClientError } from '../../conformance/spec/errors.js';
import type { Item } from '../../conformance/spec/protocol/resources.js';
import { BackupJob, type JobState } from './backup-job.js';
import type { JobHost } from './job-host.js';
import type { MobileApp } from './mobile-app.js';
import { RestoreJob } from './restore-job.js';
import type { HoldReason, JobKind } from './run-conditions.js';
import { requirePairing } from './server-pairing.js';
import type { AppSettings } from './settings.js';
import type { Platform } from '../device/device-spec.js';

/** What job control reads and sets in the app, besides what the jobs themselves need from it. */
export type JobOwner = JobHost &
  Pick<MobileApp, 'device' | 'settings' | 'accounts' | 'pairing' | 'backupJob' | 'restoreJob' | 'backup' | 'rules'>;

/** Why a job of this kind may not run now, from the device's battery, charging and network, and the settings. */
export function jobHoldReasons(app: Pick<MobileApp, 'device' | 'settings' | 'rules'>, kind: JobKind): HoldReason[] {
  const { network } = app.device;
  return app.rules.holdReasons(
    kind,
    {
      batteryLevel: app.device.batteryLevel,
      charging: app.device.charging,
      onBackupLan: app.rules.onBackupLan(network),
    },
    app.settings,
  );
}

/** Whether the app offers a job of this kind on a phone not yet paired with a server: never (PAIR-04). */
export function offeredUnpaired(_kind: JobKind): boolean {
  return false;
}

/** A new backup job only when there is none or the last one ended; a stopped or held one goes on. */
export async function startBackup(app: JobOwner): Promise<BackupJob> {
  if (!app.rules.offeredUnpaired('backup')) requirePairing(app.pairing);
  if (app.restoreJob?.state === 'running') throw new ClientError('job-running');
  if (!app.backupJob || app.backupJob.state === 'completed' || app.backupJob.state === 'failed') {
    app.backupJob = new BackupJob(app);
  }
  await app.backupJob.resume();
  return app.backupJob;
}

/** Whether Stop is offered for a backup job in this state: while it runs (BAK-01), and while it holds. */
export function stopOffered(state: JobState): boolean {
  return state === 'running' || state === 'held';
}

/** Stop: the backup job when it runs or holds, else the restore job. */
export function stopJob(app: JobOwner): void {
  const backup = app.backupJob;
  const job = backup && app.rules.stopOffered(backup.state) ? backup : app.restoreJob;
  if (!job) throw new ClientError('no-job');
  job.stop();
}

/** Refused while a job is running; the accounts come from the latest snapshot before the item job starts. */
export async function startRestore(
  app: JobOwner,
  items: readonly Static<typeof Item>[],
  options: { accounts?: boolean },
): Promise<RestoreJob> {
  requirePairing(app.pairing);
  if (app.backupJob?.state === 'running' || app.restoreJob?.state === 'running') throw new ClientError('job-running');
  if (options.accounts) {
    const snapshot = await app.client().call('getLatestSnapshot');
    app.accounts.restore(app.rules.restoredAccounts(snapshot.accounts));
  }
  app.restoreJob = new RestoreJob(app, app.device, items);
  await app.restoreJob.run();
  return app.restoreJob;
}

/** A held job goes on by itself once nothing holds it, without a tap on Resume. */
export function resumesByItself(_kind: JobKind): boolean {
  return true;
}

/** Automated backup starts a job by itself only with its setting on, and on iOS only in the foreground. */
export function backsUpByItself(
  settings: Pick<AppSettings, 'automatedBackup'>,
  platform: Platform,
  foreground: boolean,
): boolean {
  return settings.automatedBackup && (platform !== 'ios' || foreground);
}

/** What the app does when the device or its settings change. */
export function followConditions(app: JobOwner): void {
  const { rules } = app;
  for (const kind of ['backup', 'restore'] as const) {
    const job = kind === 'backup' ? app.backupJob : app.restoreJob;
    if (job?.state === 'held' && app.holdReasons(kind).length === 0 && rules.resumesByItself(kind)) void job.resume();
  }
  if (!app.pairing || app.holdReasons('backup').length > 0) return;
  if (!rules.backsUpByItself(app.settings, app.device.platform, app.device.foreground)) return;
  if (app.backupJob?.state === 'running' || app.backupJob?.state === 'stopped') return;
  if (app.restoreJob?.state === 'running') return;
  if (app.eligibleItems().some((item) => !app.isConfirmed(item))) void app.backup().catch(() => undefined);
}
