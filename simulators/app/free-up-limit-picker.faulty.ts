/** The self-test's faulty variant of the free up space limit picker (free-up-limit-picker.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const FREE_UP_LIMIT_PICKER_FAULTS = {
  // The tap on a limit sets it and leaves the picker at once, as if Done were not there.
  'free-up-limit-set-without-done': { limitSetOn: () => (step) => step === 'pick' },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
