/** The self-test's faulty variants of a backup job (backup-job.ts): what its end archives, how it meets a hold. */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const BACKUP_JOB_FAULTS = {
  // Takes every backed-up item gone from the phone for one free up space removed: a user's deletion goes to Archive.
  'deleted-items-archived': { archivedAtCommit: () => (absent) => absent },
  // The app's backup pipeline: the battery read once, when the job starts; a lost LAN taken for a failed upload.
  'battery-checked-at-start-only': {
    runningJobMeets: (rule) => (reasons) => rule(reasons.filter((r) => r !== 'battery-low')),
  },
  'lost-lan-fails-backup': {
    runningJobMeets: (rule) => (reasons) => (reasons.includes('not-on-backup-lan') ? 'failed' : rule(reasons)),
  },
  'frees-up-before-uploading': {
    // Frees up space as the job starts, so only items of earlier jobs go; this job's wait for the next one.
    freesUpAfterUploads: () => () => false,
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
