/** The self-test's faulty variant of the app log's filter (app-log.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';
import type { LogLevel } from './app-log.js';

const categoryOf = (type: string) => type.slice(0, type.lastIndexOf(' '));

export const APP_LOG_FAULTS = {
  // Filters by category: ticking Backup Error lists Backup Info too.
  'log-filter-by-category': {
    logShows: (said) => (shown, type) =>
      said(shown, type) || [...shown].some((t) => categoryOf(t) === categoryOf(type)),
  },
  // One handler for every failed job, written for backup first: a failed restore is logged as a Backup Error.
  'restore-failure-logged-as-backup': { failedJobCategory: () => () => 'Backup' },
  // Stores each entry's day only (a date column): every entry shows midnight.
  'log-entries-dated-by-day': { loggedAt: () => (now) => now - (now % 86_400_000) },
  // A third level, Warning, for a restore that skipped items: "Restore Warning" is no type of the ten.
  'restore-with-skips-logged-as-warning': {
    restoreDoneLevel: (rule) => (skipped) => (skipped > 0 ? ('Warning' as LogLevel) : rule(skipped)),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
