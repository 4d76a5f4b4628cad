/** The self-test's faulty variant of what a backup's end archives (backup-job.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const BACKUP_JOB_FAULTS = {
  // Takes every backed-up item gone from the phone for one free up space removed: a user's deletion goes to Archive.
  'deleted-items-archived': { archivedAtCommit: () => (absent) => absent },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
