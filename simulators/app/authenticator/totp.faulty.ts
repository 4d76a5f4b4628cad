/** The self-test's faulty variants of the code the 2FA page shows (totp.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const TOTP_FAULTS = {
  // The page refreshes its codes on a one-second tick that runs a second behind the step's change.
  'code-late-at-step-change': {
    shownCode: (said) => (secret, epochMs, online) => said(secret, epochMs - 1000, online),
  },
  // The page waits for the server's time before it shows a code; without a network it shows dashes.
  'codes-blank-offline': {
    shownCode: (said) => (secret, epochMs, online) => (online ? said(secret, epochMs, online) : '------'),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
