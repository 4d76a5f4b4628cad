/** The self-test's faulty variant of the password-lock recovery e-mail (forgot-password.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const FORGOT_PASSWORD_FAULTS = {
  'recovery-email-unworded': {
    // Sends the code alone under a subject of its own, naming neither the password lock nor the desktop program.
    recoveryEmail: (rule) => (issuer, code, expiresAt) => ({
      from: rule(issuer, code, expiresAt).from,
      subject: 'Your code',
      text: rule(issuer, code, expiresAt).text.split('\n').at(-1) ?? code,
    }),
  },
  'recovery-email-wrong-sender': {
    // Worded as the seed words it, but sent from the desktop program's own name instead of the PNS sender.
    recoveryEmail: (rule) => (issuer, code, expiresAt) => ({
      ...rule(issuer, code, expiresAt),
      from: `${issuer} <no-reply@reference-server.invalid>`,
    }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
