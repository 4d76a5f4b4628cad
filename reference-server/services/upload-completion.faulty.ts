/** The self-test's faulty variant of completing an upload (upload-completion.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const UPLOAD_COMPLETION_FAULTS = {
  'hash-mismatch-accepted': {
    // Keeps whatever bytes arrived, as if they hashed to the announced digest.
    finishUpload: (rule) => (ctx, row, part) => rule(ctx, row, part, row.sha256),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
