/** The self-test's faulty variant of a restore job (restore-job.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const RESTORE_JOB_FAULTS = {
  'restore-overwrites-present-items': {
    // Restores an item whose bytes are still on the device all the same.
    restoreSkips: () => () => false,
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
