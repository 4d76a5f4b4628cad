/** The self-test's faulty variants of Forgot password (forgot-password.ts): its e-mail, its address, the reset. */
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
  'forgot-password-any-address': {
    // Never compares the typed address: a code goes to the license's address whatever address is typed.
    isLicenseEmail: () => () => true,
  },
  'reset-keeps-old-password': {
    // Answers the reset as done but writes the new password nowhere: the old password still opens the desktop.
    resetLockPassword: () => () => undefined,
  },
  'recovery-email-expiry-second-late': {
    // States the first second the code is refused (14:22:35 the next day), not the last one it is good (14:22:34).
    recoveryEmail: (rule) => (issuer, code, expiresAt) => rule(issuer, code, expiresAt + 1000),
  },
  'reset-confirmation-unchecked': {
    // Leaves the comparison of the two entries to the desktop's page: the server resets to the first one.
    confirmsPassword: () => () => true,
  },
  'license-email-case-sensitive': {
    // Compares the typed address letter for letter: the license's own address typed with its domain in capitals
    // (OWNER@EXAMPLE.COM's domain is the same host) is refused, and no code goes out.
    isLicenseEmail: () => (typed, license) => typed === license,
  },
  'recovery-email-digits-only': {
    // Mails only the six digits, since they are what the user types: the four letters the screen shows match
    // nothing in the e-mail, which no longer carries an ABCD-123456 code.
    recoveryEmail: (rule) => (issuer, code, expiresAt) => {
      const mail = rule(issuer, code, expiresAt);
      return { ...mail, text: mail.text.replace(code, code.slice(code.indexOf('-') + 1)) };
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
