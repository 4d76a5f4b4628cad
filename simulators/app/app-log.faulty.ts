/** The self-test's faulty variant of the app log's filter (app-log.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

const categoryOf = (type: string) => type.slice(0, type.lastIndexOf(' '));

export const APP_LOG_FAULTS = {
  // Filters by category: ticking Backup Error lists Backup Info too.
  'log-filter-by-category': {
    logShows: (said) => (shown, type) =>
      said(shown, type) || [...shown].some((t) => categoryOf(t) === categoryOf(type)),
  },
  // One handler for every failed job, written for backup first: a failed restore is logged as a Backup Error.
  'restore-failure-logged-as-backup': { failedJobCategory: () => () => 'Backup' },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
