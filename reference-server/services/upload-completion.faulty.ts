/** The self-test's faulty variant of completing an upload (upload-completion.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const UPLOAD_COMPLETION_FAULTS = {
  'hash-mismatch-accepted': {
    // Keeps whatever bytes arrived, as if they hashed to the announced digest.
    finishUpload: (rule) => (ctx, row, part) => rule(ctx, row, part, row.sha256),
  },
  'upload-stored-in-finishing-job': {
    // Files an upload under the device's latest job when it completes, not the job whose announcement created it.
    finishUpload: (rule) => (ctx, row, part, digest) => {
      const latest = ctx.db
        .prepare('SELECT id FROM backups WHERE device_id = ? ORDER BY started_at DESC LIMIT 1')
        .get(row.device_id) as { id: string } | undefined;
      return rule(ctx, { ...row, backup_id: latest?.id ?? row.backup_id }, part, digest);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
