/** The self-test's faulty variants of the names and the order the 2FA page keeps (accounts.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const ACCOUNTS_FAULTS = {
  // Stores an account's name in a 32-character field: a longer name the page took comes back cut.
  'account-name-cut-to-32': { keptName: (said) => (typed) => said(typed).slice(0, 32) },
  // Reads its accounts back in the order they were added after each add: an order the user chose is lost.
  'account-order-lost-on-add': { orderAfterAdd: () => (_shown, added) => added },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
