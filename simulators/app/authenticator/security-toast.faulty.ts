/** The self-test's faulty variant of what the app says once enhanced security is turned (security-toast.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const SECURITY_TOAST_FAULTS = {
  // Says "successfully enabled" whichever way the switch went.
  'security-toast-always-enabled': { securityToast: (said) => () => said(true) },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
