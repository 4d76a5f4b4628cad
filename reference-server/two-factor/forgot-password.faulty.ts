/** The self-test's faulty variant of the password-lock recovery e-mail (forgot-password.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const FORGOT_PASSWORD_FAULTS = {
  'recovery-email-unworded': {
    // Sends the code alone under a subject of its own, naming neither the password lock nor the desktop program.
    recoveryEmail: (rule) => (issuer, code, expiresAt) => ({
      subject: 'Your code',
      text: rule(issuer, code, expiresAt).text.split('\n').at(-1) ?? code,
    }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
