/** The self-test's faulty variants of what the phone says after pairing (pairing-texts.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const PAIRING_TEXTS_FAULTS = {
  'paired-message-unworded': {
    pairedText: () => () => 'Paired with the backup machine.',
  },
  'migration-names-swapped': {
    migrationCompletedText: (said) => (original, replacement, platform) => said(replacement, original, platform),
  },
  'migration-dialogs-merged-on-ios': {
    // iOS says Android's one text on one screen: no dialog for the pairing, no OK before Done.
    replacementPairedText: () => () => undefined,
    migrationCompletedText: (said) => (original, replacement) => said(original, replacement, 'android'),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
