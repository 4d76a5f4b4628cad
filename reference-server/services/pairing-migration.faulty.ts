/** The self-test's faulty variants of what a migration does to the original device (pairing-migration.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { moveRows } from './pairing-migration.js';

export const PAIRING_MIGRATION_FAULTS = {
  'migration-loses-items': {
    // Moves the backup jobs and uploads, but leaves the items (and snapshots) behind with the original.
    takeOverRecords: () => (ctx, originalId, replacementId) => {
      for (const table of ['backups', 'uploads'] as const) moveRows(ctx, table, originalId, replacementId);
    },
  },
  'migration-keeps-old-pairing': {
    // The original stays listed and paired, on a folder name of its own.
    retireOriginal: () => (ctx, originalId) => {
      ctx.db.prepare("UPDATE devices SET backup_path = backup_path || ' (kept)' WHERE id = ?").run(originalId);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
