/** The self-test's faulty variants of the names and the order the 2FA page keeps (accounts.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const ACCOUNTS_FAULTS = {
  // Stores an account's name in a 32-character field: a longer name the page took comes back cut.
  'account-name-cut-to-32': { keptName: (said) => (typed) => said(typed).slice(0, 32) },
  // Reads its accounts back in the order they were added after each add: an order the user chose is lost.
  'account-order-lost-on-add': { orderAfterAdd: () => (_shown, added) => added },
  // Reads the swiped row's position after the list shifted: the account below the chosen one goes (the chosen one
  // when it is last).
  'removes-account-below': {
    removedAccount: (rule) => (shown, chosen) => shown[shown.indexOf(chosen) + 1] ?? rule(shown, chosen),
  },
  // Adds the account before Connect and never takes it back when the server refuses the key.
  'refused-secret-account-kept': { keepsRefusedAccount: () => () => true },
  'secret-entry-needs-camera': {
    // Offers "Not able to scan QR code?" only beside a working camera, as help for a scan that failed.
    offersSecretEntry: () => (camera) => camera,
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
