/**
 * Backup jobs and snapshots. A job names its blocks folder; committing it records which backed-up items are still
 * on the device: the others move to the Deleted tab, except those free up space archived, which stay in Archive.
 */
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type {
  AuthenticatorAccount,
  Backup,
  CommitRequest,
  Counts,
  Snapshot,
} from '../../conformance/spec/protocol/resources.js';
import { blocksFolder } from '../storage/layout.js';
import type { BackupRow, DeviceRow } from '../store/rows.js';
import { newId, type ServiceContext } from './context.js';

const COUNT_OF_KIND: Record<ItemKind, keyof Counts> = { photo: 'photos', video: 'videos', document: 'files' };

interface HeldItem {
  readonly sha256: string;
  readonly tab: string;
}

/**
 * The folder of a job the device starts at `startedAt`: its start second, or, since each job gets a folder of its
 * own even when two start within the same second, the next second that none of the device's jobs has.
 */
export function jobFolder(ctx: ServiceContext, deviceId: string, startedAt: number): string {
  const taken = ctx.db.prepare('SELECT 1 FROM backups WHERE device_id = ? AND folder = ?');
  let at = startedAt;
  while (taken.get(deviceId, blocksFolder(at))) at += 1000;
  return blocksFolder(at);
}

export function startBackup(ctx: ServiceContext, device: DeviceRow): Static<typeof Backup> {
  const startedAt = ctx.clock.now();
  const backup = { backupId: newId(), folder: ctx.rules.jobFolder(ctx, device.id, startedAt), startedAt };
  ctx.db
    .prepare('INSERT INTO backups (id, device_id, folder, started_at) VALUES (?, ?, ?, ?)')
    .run(backup.backupId, device.id, backup.folder, startedAt);
  return backup;
}

/**
 * An item's tab once a snapshot is committed: Recent for an item the snapshot names (on the device, an archived one
 * restored too), Deleted for one that was in Recent and is not; Archive and Deleted keep their other items.
 */
export function tabAfterCommit(tab: string, present: boolean): string {
  return present ? 'recent' : tab === 'recent' ? 'deleted' : tab;
}

/** The 2FA accounts a snapshot keeps: every one the app sent, whether or not the job stored a file (SRC-08). */
export function snapshotAccounts<A>(accounts: readonly A[], _storedFiles: number): readonly A[] {
  return accounts;
}

export function commitBackup(
  ctx: ServiceContext,
  device: DeviceRow,
  backupId: string,
  request: Static<typeof CommitRequest>,
): Static<typeof Snapshot> {
  const backup = ctx.db.prepare('SELECT * FROM backups WHERE id = ? AND device_id = ?').get(backupId, device.id) as
    BackupRow | undefined;
  if (!backup) throw new MbsError('backup-not-found');
  if (backup.committed_at !== null) throw new MbsError('backup-closed');
  const held = new Map(
    (ctx.db.prepare('SELECT sha256, tab FROM items WHERE device_id = ?').all(device.id) as HeldItem[]).map((row) => [
      row.sha256,
      row.tab,
    ]),
  );
  const present = new Set(request.present);
  const missing = [...present].filter((sha) => !held.has(sha));
  if (missing.length > 0) {
    throw new MbsError('snapshot-items-missing', `${missing.length} item(s) of the snapshot were never uploaded.`, {
      missing: missing.slice(0, 20),
      count: missing.length,
    });
  }
  // The counts are the job's: items whose bytes this job stored (seed 000 §10.2 pairs "46 Photos" with the 46 files
  // of the job's folder), and every 2FA account the snapshot carries.
  const counts: Counts = { photos: 0, videos: 0, files: 0, twoFactorAccounts: request.accounts.length };
  for (const { kind } of ctx.rules.countedItems(ctx, device.id, backupId, present)) counts[COUNT_OF_KIND[kind]] += 1;
  const accounts = [...ctx.rules.snapshotAccounts(request.accounts, counts.photos + counts.videos + counts.files)];
  const snapshot = { snapshotId: newId(), backupId, committedAt: ctx.clock.now(), counts, accounts };
  // Every item the snapshot names ends in Recent, and every other one that was in Recent moves to Deleted. Only the
  // rows whose tab changes are written: a device's items are mostly in Recent before and after a commit.
  const moveTo = ctx.db.prepare('UPDATE items SET tab = ? WHERE device_id = ? AND sha256 = ?');
  ctx.db.transaction(() => {
    for (const [sha, tab] of held) {
      const now = ctx.rules.tabAfterCommit(tab, present.has(sha));
      if (now !== tab) moveTo.run(now, device.id, sha);
    }
    ctx.db
      .prepare(
        'INSERT INTO snapshots (id, device_id, backup_id, committed_at, counts_json, accounts_json) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        snapshot.snapshotId,
        device.id,
        backupId,
        snapshot.committedAt,
        JSON.stringify(counts),
        JSON.stringify(accounts),
      );
    ctx.db.prepare('UPDATE backups SET committed_at = ? WHERE id = ?').run(snapshot.committedAt, backupId);
  })();
  return snapshot;
}

export function latestSnapshot(ctx: ServiceContext, device: DeviceRow): Static<typeof Snapshot> {
  const row = ctx.db
    .prepare('SELECT * FROM snapshots WHERE device_id = ? ORDER BY committed_at DESC, rowid DESC LIMIT 1')
    .get(device.id) as
    { id: string; backup_id: string; committed_at: number; counts_json: string; accounts_json: string } | undefined;
  if (!row) throw new MbsError('snapshot-not-found');
  return {
    snapshotId: row.id,
    backupId: row.backup_id,
    committedAt: row.committed_at,
    counts: JSON.parse(row.counts_json) as Counts,
    accounts: JSON.parse(row.accounts_json) as Static<typeof AuthenticatorAccount>[],
  };
}

/** The items a commit counts: those whose bytes this job stored, whatever else the snapshot names (BAK-06). */
export function countedItems(
  ctx: ServiceContext,
  deviceId: string,
  backupId: string,
  _present: ReadonlySet<string>,
): { readonly kind: ItemKind }[] {
  return ctx.db.prepare('SELECT kind FROM items WHERE device_id = ? AND backup_id = ?').all(deviceId, backupId) as {
    kind: ItemKind;
  }[];
}
