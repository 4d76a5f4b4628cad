/** The self-test's faulty variant of where a new pairing's backup folder goes (pairing-backup-folder.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const PAIRING_BACKUP_FOLDER_FAULTS = {
  'device-folders-in-subfolder': {
    // Keeps every device's folder in a "Mobile" folder of its own under the data folder, not directly in it.
    freeBackupPath: (rule) => (ctx, name, now) => `Mobile/${rule(ctx, name, now)}`,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
