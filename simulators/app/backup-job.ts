/**
 * A backup job (seed 000 §9, §10): uploads each eligible item in chunks, resumably; holds while a run condition is
 * false and goes on when it clears; Stop and Resume pick up where it stopped without sending a byte twice; frees up
 * space once its items are confirmed; commits the snapshot and reports the counts.
 */
import type { Counts } from '../../conformance/spec/protocol/resources.js';
import { ClientError, MbsError } from '../../conformance/spec/errors.js';
import { contentOf, type MediaItem } from '../device/media.js';
import type { HoldReason } from './run-conditions.js';
import { hashOf } from './content-registry.js';
import type { JobHost } from './job-host.js';

export type JobState = 'running' | 'held' | 'stopped' | 'completed' | 'failed';

export const CHUNK_BYTES = 256 * 1024;

/**
 * What a backup's end tells the server to archive of the backed-up items it does not list as present: nothing, as
 * free up space told it of its own; the rest the user deleted, for the Delete tab (RFE-08).
 */
export function archivedAtCommit(_absent: readonly string[]): readonly string[] {
  return [];
}

/**
 * What becomes of a job already sending bytes when the run conditions turn false: it holds, whatever the reason, so
 * Resume Backup (or the conditions clearing) goes on with it. They are read before every chunk, not only at the
 * start: a battery falling below 30% holds a running backup (RUN-10), and so does a lost LAN (BAK-03).
 */
export function runningJobMeets(reasons: readonly HoldReason[]): 'running' | 'held' | 'failed' {
  return reasons.length > 0 ? 'held' : 'running';
}

/** Free up space runs within the job once its items are backed up (FUS-09), before the snapshot. */
export function freesUpAfterUploads(): boolean {
  return true;
}

export interface BackupProgress {
  readonly itemsDone: number;
  readonly itemsTotal: number;
  readonly bytesSent: number;
}

export class BackupJob {
  state: JobState = 'running';
  /** Why the job is held, read live: the app always says every reason that applies now. */
  get holdReasons(): HoldReason[] {
    return this.state === 'held' ? this.host.holdReasons('backup') : [];
  }
  counts: Counts | undefined;
  error: Error | undefined;
  /** Bytes sent in appends, over the whole job: equals the bytes of the uploaded items when nothing went twice. */
  bytesSent = 0;
  itemsDone = 0;
  /** Items free up space removed from the device during this job. */
  archived = 0;
  itemsTotal = 0;
  private backupId: string | undefined;
  private stopRequested = false;
  private running: Promise<void> | undefined;

  constructor(private readonly host: JobHost) {}

  /** Runs (or goes on with) the job until it completes, holds, stops or fails. */
  run(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once the job is not doing anything (it may be held, stopped, completed or failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopRequested = true;
    if (this.state === 'held') this.state = 'stopped';
  }

  /** "Resume Backup": goes on from where it stopped or held. */
  resume(): Promise<void> {
    if (this.state === 'completed' || this.state === 'failed') return Promise.resolve();
    this.stopRequested = false;
    return this.run();
  }

  get progress(): BackupProgress {
    return { itemsDone: this.itemsDone, itemsTotal: this.itemsTotal, bytesSent: this.bytesSent };
  }

  private async loop(): Promise<void> {
    this.state = 'running';
    try {
      // Nothing reaches the server while a run condition holds the job, not even the start of the job.
      if (this.interrupted(false)) return;
      const client = this.host.client();
      this.backupId ??= (await client.call('startBackup', { body: {} })).backupId;
      const freesAfter = this.host.rules.freesUpAfterUploads();
      if (!freesAfter) this.archived += await this.host.freeUpSpace();
      // Each item is tried once per run, so a server that never confirms cannot keep the job looping.
      // The library is scanned once per pass, not once per item (a pass over 10,000 items is not free); a new pass
      // picks up what arrived meanwhile, and ends when a pass finds nothing new.
      const attempted = new Set<string>();
      for (;;) {
        const pending = this.host
          .eligibleItems()
          .filter((item) => !attempted.has(item.id) && !this.host.isConfirmed(item));
        if (pending.length === 0) break;
        this.itemsTotal = this.itemsDone + pending.length;
        for (const next of pending) {
          // Skip what left the device since the pass began.
          if (!this.host.stillOnDevice(next)) continue;
          attempted.add(next.id);
          if (!(await this.uploadItem(next))) return;
          this.itemsDone += 1;
        }
      }
      if (this.interrupted()) return;
      // Once every item is backed up, free up space removes the oldest of them first (seed 000 §6.4.5: "images
      // will be backed up first then it will free up"), still within the job and before the snapshot.
      if (freesAfter) this.archived += await this.host.freeUpSpace();
      const present = this.host
        .eligibleItems()
        .filter((item) => this.host.isConfirmed(item))
        .map(hashOf);
      const absent = new Set(this.host.confirmedHashes());
      for (const hash of present) absent.delete(hash);
      const archived = this.host.rules.archivedAtCommit([...absent]);
      if (archived.length > 0) await client.call('archiveItems', { body: { items: [...archived] } });
      const snapshot = await client.call('commitBackup', {
        params: { backupId: this.backupId },
        body: { present, accounts: this.host.accountsToBackUp() },
      });
      this.counts = snapshot.counts;
      this.state = 'completed';
      this.host.record('Backup', 'Info', `Backup completed: ${this.host.formatResult(snapshot.counts, this.archived)}`);
    } catch (error) {
      this.state = 'failed';
      this.error = error as Error;
      this.host.record(
        this.host.rules.failedJobCategory('backup'),
        'Error',
        `Backup failed: ${(error as Error).message}`,
      );
    }
  }

  /** Uploads one item from wherever the server says it stands; false when the job stopped or held meanwhile. */
  private async uploadItem(item: MediaItem): Promise<boolean> {
    const client = this.host.client();
    const sha256 = hashOf(item);
    const meta = this.host.metaOf(item);
    const created = await client.call('createUpload', {
      body: { backupId: this.backupId as string, sha256, size: item.size, meta },
    });
    if (created.status === 'duplicate') {
      this.host.confirm(item, created.item);
      return true;
    }
    const bytes = contentOf(item);
    let offset = created.upload.offset;
    const { uploadId } = created.upload;
    for (;;) {
      if (this.interrupted()) return false;
      const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + this.host.chunkBytes));
      try {
        const result = await client.append(uploadId, offset, chunk);
        this.bytesSent += chunk.length;
        if (result.complete) {
          this.host.confirm(item, result.item);
          return true;
        }
        offset = result.upload.offset;
      } catch (error) {
        if (error instanceof MbsError && error.code === 'upload-offset-mismatch') {
          offset = Number(error.details?.expectedOffset ?? 0);
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Checks Stop and the run conditions, at the job's start or while it runs; sets the state when the job must pause.
   * A job that must fail instead throws, for the loop to record.
   */
  private interrupted(running = true): boolean {
    if (this.stopRequested) {
      this.state = 'stopped';
      return true;
    }
    const reasons = this.host.holdReasons('backup');
    const meets = running ? this.host.rules.runningJobMeets(reasons) : reasons.length > 0 ? 'held' : 'running';
    if (meets === 'failed') throw new ClientError('unreachable', `Connection lost (${reasons.join(', ')}).`);
    if (meets === 'held') this.state = 'held';
    return meets === 'held';
  }
}
