/** The self-test's faulty variant of the authentication screen's password link (password-link.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const PASSWORD_LINK_FAULTS = {
  // Android's words on every platform: iOS too says "USE PASSWORD", not "Show Passcode".
  'passcode-link-worded-as-android': { passwordLink: () => () => 'USE PASSWORD' },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
