/** The self-test's faulty variant of the restore option the restore page names (restore-option.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const RESTORE_OPTION_FAULTS = {
  'restore-option-always-original': {
    restoreOption: (named) => () => named(undefined),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
