/** The self-test's faulty variant of the login table (login-state.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const LOGIN_STATE_FAULTS = {
  'reset-password-in-password-state': {
    // Lets "reset password" run at the password prompt, before any code was asked for.
    mayAct: (rule) => (state, action) => rule(state, action) || (state === 'password' && action === 'reset-password'),
  },
  'recovery-refuses-push': {
    // Once under "Unable to login", a push (Resend) is refused as login-state: the login cannot switch back.
    mayAct: (rule) => (state, action) =>
      rule(state, action) && !(action === 'push' && (state === 'recovery-phone' || state === 'recovery-code')),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
