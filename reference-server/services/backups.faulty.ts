/** The self-test's faulty variants of a backup job's folder and of a commit's tabs (backups.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';

type Held = { readonly kind: ItemKind; readonly sha256: string };

export const BACKUPS_FAULTS = {
  'accounts-kept-with-files-only': {
    // Writes a snapshot's 2FA accounts beside the files its job stored: a job that stored none keeps no accounts.
    snapshotAccounts: (rule) => (accounts, storedFiles) => (storedFiles === 0 ? [] : rule(accounts, storedFiles)),
  },
  'job-folder-after-start': {
    // Names the job's folder two seconds after the job started, as a server that names it when its first item lands.
    jobFolder: (rule) => (ctx, deviceId, startedAt) => rule(ctx, deviceId, startedAt + 2000),
  },
  'archived-stays-in-archive': {
    // Once archived, always archived: an item restored to the phone and backed up again stays in the Archive tab.
    tabAfterCommit: (rule) => (tab, present) => (tab === 'archive' ? tab : rule(tab, present)),
  },
  'job-counts-whole-snapshot': {
    // Counts every item the snapshot names, the phone's whole backed-up set, not the items this job stored.
    countedItems: () => (ctx, deviceId, _backupId, present) =>
      (ctx.db.prepare('SELECT kind, sha256 FROM items WHERE device_id = ?').all(deviceId) as Held[]).filter((row) =>
        present.has(row.sha256),
      ),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
