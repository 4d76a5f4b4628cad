/** The self-test's faulty variant of how much of a backup the app restores (restore-scope.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const RESTORE_SCOPE_FAULTS = {
  // Every version offers the file explorer, those before 1.6.0 too.
  'item-restore-on-old-app': { restoreScope: () => () => 'item-by-item' },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
