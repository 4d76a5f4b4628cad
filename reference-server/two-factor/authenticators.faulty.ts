/** The self-test's faulty variants of one-time password acceptance and reset (authenticators.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { allAuthenticators } from './authenticators.js';

export const AUTHENTICATORS_FAULTS = {
  'replayed-totp-accepted': {
    // Forgets the last time step accepted, so a code is accepted again.
    otpWindow: (rule) => (row) => ({ ...rule(row), lastTimeStep: -1 }),
  },
  'stale-totp-accepted': {
    // Opens a second step of drift either side.
    otpWindow: (rule) => (row) => ({ ...rule(row), stepsBefore: 2, stepsAfter: 2 }),
  },
  'totp-two-steps-ahead-accepted': {
    // Generous to fast phone clocks: a second step ahead, none more behind.
    otpWindow: (rule) => (row) => ({ ...rule(row), stepsAfter: 2 }),
  },
  'totp-previous-step-refused': {
    // Strict to slow phone clocks: the current step and the next, never the one just ended.
    otpWindow: (rule) => (row) => ({ ...rule(row), stepsBefore: 0 }),
  },
  'reset-keeps-trusted-browsers': {
    // A reset drops the open registrations but leaves every trusted browser trusted.
    forgetOnReset: () => (ctx) => void ctx.db.prepare('DELETE FROM tfa_registrations WHERE used_at IS NULL').run(),
  },
  'reset-takes-used-code': {
    // The reset checks its code without the steps already used: the code that just logged in resets 2FA too.
    otpWindow: (rule) => (row, purpose) => ({
      ...rule(row, purpose),
      ...(purpose === 'reset' ? { lastTimeStep: -1 } : {}),
    }),
  },
  'remove-takes-first-authenticator': {
    // Removes by position in a list read in registration order: the device registered first, whichever was chosen.
    authenticatorToRemove: (rule) => (ctx, id) => allAuthenticators(ctx)[0]?.id ?? rule(ctx, id),
  },
  'reset-removes-confirming-device': {
    // Resets 2FA as Remove would: only the device whose code confirmed it goes, the others stay and 2FA stays on.
    resetRemoves: () => (_all, confirming) => [confirming],
  },
  'totp-drift-5-minutes': {
    // Reads "5 minutes" of tolerated phone clock drift as the window: 10 steps either side, not one.
    otpWindow: (rule) => (row, purpose) => ({ ...rule(row, purpose), stepsBefore: 10, stepsAfter: 10 }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
