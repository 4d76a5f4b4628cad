/** The self-test's faulty variant of the rows the restore page offers (restore-page.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const RESTORE_PAGE_FAULTS = {
  'ios-restore-offers-documents': {
    // Android's four rows on iOS too, where no document is ever backed up.
    restoreKinds: (rule) => () => rule('android'),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
