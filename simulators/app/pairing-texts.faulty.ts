/** The self-test's faulty variants of what the phone says after pairing (pairing-texts.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const PAIRING_TEXTS_FAULTS = {
  'paired-message-unworded': {
    pairedText: () => () => 'Paired with the backup machine.',
  },
  'migration-names-swapped': {
    migrationCompletedText: (said) => (original, replacement) => said(replacement, original),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
