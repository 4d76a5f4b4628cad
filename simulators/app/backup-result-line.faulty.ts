/** The self-test's faulty variants of a finished backup's result line (backup-result-line.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const BACKUP_RESULT_LINE_FAULTS = {
  'android-result-without-files': {
    // Words the Android line as iOS's: no Files count.
    formatResult: (rule) => (counts, archived, platform, freeUpSpace) =>
      rule(counts, archived, platform, freeUpSpace).replace(/, \d+ Files/, ''),
  },
  'ios-result-with-files': {
    // Words the iOS line as Android's, with a Files count, but without what free up space archived.
    formatResult: (rule) => (counts, archived, platform, freeUpSpace) =>
      rule(counts, archived, 'android', platform === 'android' && freeUpSpace),
  },
  'archived-count-unreported': {
    // Leaves out how many items free up space archived.
    formatResult: (rule) => (counts, archived, platform) => rule(counts, archived, platform, false),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
