/** The self-test's faulty variant of naming a backup job's folder (backups.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const BACKUPS_FAULTS = {
  'job-folder-after-start': {
    // Names the job's folder two seconds after the job started, as a server that names it when its first item lands.
    jobFolder: (rule) => (ctx, deviceId, startedAt) => rule(ctx, deviceId, startedAt + 2000),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
