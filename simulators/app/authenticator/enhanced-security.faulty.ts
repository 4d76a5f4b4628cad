/** The self-test's faulty variants of enhanced security for 2FA (enhanced-security.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const ENHANCED_SECURITY_FAULTS = {
  // Ships with the switch on.
  'security-on-by-default': { securityOnByDefault: () => () => true },
  // Leaves it to the system prompt to find out whether the device has a screen lock.
  'security-on-without-screen-lock': { securityAvailable: () => () => true },
  // Asks only to turn it on; turning it off takes a tap.
  'security-off-without-authentication': {
    securityAsks: (said) => (action, enabled) => action !== 'turn-off' && said(action, enabled),
  },
  // Guards the 2FA page only: an approval goes through without the device authentication.
  'approval-without-security': {
    securityAsks: (said) => (action, enabled) => action !== 'approve' && said(action, enabled),
  },
  // Guards approvals only: the 2FA page shows its codes without the device authentication.
  'page-open-without-security': {
    securityAsks: (said) => (action, enabled) => action !== 'open' && said(action, enabled),
  },
  // Asks for the device authentication before every approval, with enhanced security off too.
  'approval-asks-when-off': {
    securityAsks: (said) => (action, enabled) => action === 'approve' || said(action, enabled),
  },
  // Takes only the biometric where one is enrolled: the device password is refused there.
  'password-refused-with-biometric': {
    passwordTaken: (said) => (device) => device.biometric === 'none' && said(device),
  },
  // Counts failed passwords towards the lock, never a failed biometric.
  'failed-biometrics-never-lock': {
    failureCounts: (said) => (attempt) => attempt.method !== 'biometric' && said(attempt),
  },
  // Checks the secret before the lock: the right one opens the page while it is locked.
  'lock-lets-right-secret-through': { lockRefuses: (said) => (rightSecret) => !rightSecret && said(rightSecret) },
  // Ends the lock with `<=`: still locked, and refusing the right secret, at the last instant of its wait.
  'lock-held-at-its-end': {
    lockRemaining: (said) => (now, lockedUntil) => (now === lockedUntil ? 1 : said(now, lockedUntil)),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
