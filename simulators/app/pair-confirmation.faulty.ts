/** The self-test's faulty variant of when a detected pairing code pairs (pair-confirmation.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const PAIR_CONFIRMATION_FAULTS = {
  // Pairs as soon as the code is detected; the dialog after it only says so, and Cancel undoes nothing.
  'pairs-before-confirmation': { pairsOn: () => (moment) => moment === 'detected' },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
