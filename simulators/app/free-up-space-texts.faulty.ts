/** The self-test's faulty variants of what free up space says (free-up-space-texts.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const FREE_UP_SPACE_TEXTS_FAULTS = {
  'free-up-status-stale': {
    // The status written once, for the switch as it starts (off), and never again.
    freeUpStatusText: (said) => () => said(false),
  },
  'free-up-failure-logged-as-info': {
    freeUpLogEntry: (entry) => (outcome) => ({ ...entry(outcome), level: 'Info' }),
  },
  'free-up-toast-always-enabled': {
    // Says "successfully enabled" whichever way the switch went.
    freeUpToast: (said) => (change) => said(change === 'disabled' ? 'enabled' : change),
  },
  'ios-note-without-advice': {
    // Says where removed items go, but not to clear that folder by hand.
    freeUpNote: (said) => (platform) => said(platform)?.replace(/ It is highly recommended.*$/, ''),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
