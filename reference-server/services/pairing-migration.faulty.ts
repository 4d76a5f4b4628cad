/** The self-test's faulty variants of what a migration does to the original device (pairing-migration.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { Db } from '../store/db.js';
import type { DeviceRow } from '../store/rows.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { moveBackupFolder } from './devices.faulty.js';
import { deviceById } from './pairing.js';
import { moveRows } from './pairing-migration.js';

/** Per database: the key hash of each retired original, by the original's id (kept in memory, lost on restart). */
const keptKeys = new WeakMap<Db, Map<string, string>>();

/** The platform of each original retired, by its id, until its records are taken over in the same transaction. */
const retiredPlatforms = new Map<string, string>();

export const PAIRING_MIGRATION_FAULTS = {
  'migration-loses-items': {
    // Moves the backup jobs, but leaves the items (and snapshots) behind with the original.
    takeOverRecords: () => (ctx, originalId, replacementId) => moveRows(ctx, 'backups', originalId, replacementId),
  },
  'migration-across-platforms-items-left': {
    // Across platforms, moves the backup jobs only, as if an iPhone's items could not be restored on Android.
    retireOriginal: (rule) => (ctx, originalId) => {
      const platform = deviceById(ctx, originalId)?.platform;
      if (platform) retiredPlatforms.set(originalId, platform);
      rule(ctx, originalId);
    },
    takeOverRecords: (rule) => (ctx, originalId, replacementId) => {
      const from = retiredPlatforms.get(originalId);
      retiredPlatforms.delete(originalId);
      if (from === deviceById(ctx, replacementId)?.platform) rule(ctx, originalId, replacementId);
      else moveRows(ctx, 'backups', originalId, replacementId);
    },
  },
  'migration-keeps-unfinished-uploads': {
    // Discards no upload: the replacement takes them over with the other records, resumable at their offsets.
    discardUnfinishedUploads: () => () => [],
    takeOverRecords: (rule) => (ctx, originalId, replacementId) => {
      rule(ctx, originalId, replacementId);
      moveRows(ctx, 'uploads', originalId, replacementId);
    },
  },
  'migration-moves-backup-folder': {
    // Takes the original's records over, then moves its backup folder to the replacement's own name and time.
    takeOverRecords: (rule) => (ctx, originalId, replacementId) => {
      rule(ctx, originalId, replacementId);
      const replacement = deviceById(ctx, replacementId);
      if (replacement) moveBackupFolder(ctx, replacement, replacement.name);
    },
  },
  'migration-keeps-old-pairing': {
    // The original stays listed and paired, on a folder name of its own.
    retireOriginal: () => (ctx, originalId) => {
      ctx.db.prepare("UPDATE devices SET backup_path = backup_path || ' (kept)' WHERE id = ?").run(originalId);
    },
  },
  'migration-keeps-original-key': {
    // The original leaves the list, but its key is carried over: it now authenticates as the replacement.
    retireOriginal: (rule) => (ctx, originalId) => {
      const row = ctx.db.prepare('SELECT key_hash FROM devices WHERE id = ?').get(originalId) as
        Pick<DeviceRow, 'key_hash'> | undefined;
      if (row) {
        const kept = keptKeys.get(ctx.db) ?? new Map<string, string>();
        keptKeys.set(ctx.db, kept.set(row.key_hash, originalId));
      }
      rule(ctx, originalId);
    },
    retiredKeyOwner: (rule) => (ctx, keyHash) => {
      const originalId = keptKeys.get(ctx.db)?.get(keyHash);
      if (originalId === undefined) return rule(ctx, keyHash);
      return ctx.db.prepare('SELECT * FROM devices WHERE migrated_from_id = ?').get(originalId) as
        DeviceRow | undefined;
    },
  },
  'migration-archives-same-bytes-elsewhere': {
    // Archives the inherited bytes wherever they are held, as a store with one record per content would: another
    // device's item of the same bytes leaves its tab too.
    takeOverRecords: (rule) => (ctx, originalId, replacementId) => {
      rule(ctx, originalId, replacementId);
      ctx.db
        .prepare("UPDATE items SET tab = 'archive' WHERE sha256 IN (SELECT sha256 FROM items WHERE device_id = ?)")
        .run(replacementId);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
