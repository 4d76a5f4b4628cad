/** The self-test's faulty variants of a backup job's folder and of a commit's tabs (backups.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const BACKUPS_FAULTS = {
  'job-folder-after-start': {
    // Names the job's folder two seconds after the job started, as a server that names it when its first item lands.
    jobFolder: (rule) => (ctx, deviceId, startedAt) => rule(ctx, deviceId, startedAt + 2000),
  },
  'archived-stays-in-archive': {
    // Once archived, always archived: an item restored to the phone and backed up again stays in the Archive tab.
    tabAfterCommit: (rule) => (tab, present) => (tab === 'archive' ? tab : rule(tab, present)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
