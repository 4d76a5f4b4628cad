/** The self-test's faulty variant of the names the 2FA page keeps (accounts.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const ACCOUNTS_FAULTS = {
  // Stores an account's name in a 32-character field: a longer name the page took comes back cut.
  'account-name-cut-to-32': { keptName: (said) => (typed) => said(typed).slice(0, 32) },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
