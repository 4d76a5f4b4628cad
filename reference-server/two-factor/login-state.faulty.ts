/** The self-test's faulty variants of the login table (login-state.ts) and where the first factor leads. */
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
  'password-lock-opens-alone': {
    // Treats the password lock as the login: the right password opens the desktop without a second factor.
    afterFirstFactor: (rule) => (second) => (second.afterPassword ? 'logged-in' : rule(second)),
  },
  'codes-only-devices-skip-2fa': {
    // Counts only devices that take push as 2FA: with codes-only devices registered, the login asks for nothing.
    afterFirstFactor: (rule) => (second) => rule({ ...second, enabled: second.enabled && second.push }),
  },
  'push-wait-refuses-recovery': {
    // The push waiting screen has no "Unable to login": recovery is refused as login-state while a request waits.
    mayAct: (rule) => (state, action) => rule(state, action) && !(state === 'push-wait' && action === 'recovery'),
  },
  'push-wait-refuses-code': {
    // The push waiting screen takes no code typed into it: a one-time password is refused while a request waits.
    mayAct: (rule) => (state, action) => rule(state, action) && !(state === 'push-wait' && action === 'otp'),
  },
  'second-factor-after-last-removed': {
    // Keeps 2FA on once a device was ever registered: with every authenticator removed, it still asks for a code.
    afterFirstFactor: (rule) => (second) => rule({ ...second, enabled: true }),
  },
  'forgot-password-link-missing': {
    // The password prompt has no "Forgot password": asked for there, it is refused as login-state (only Resend, from
    // the e-mail code's step, still sends a code).
    mayAct: (rule) => (state, action) => rule(state, action) && !(state === 'password' && action === 'forgot-password'),
  },
  'push-resend-refused-while-waiting': {
    // Offers Resend only once the request is answered or over: while it waits (on a phone that got nothing), a new
    // request is refused as login-state.
    mayAct: (rule) => (state, action) => rule(state, action) && !(state === 'push-wait' && action === 'push'),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
