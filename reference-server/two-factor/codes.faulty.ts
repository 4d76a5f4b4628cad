/** The self-test's faulty variants of verification code lifetimes, resending and single use (codes.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { afterRoundTrip } from '../services/round-trip.js';
import { codeFor, storeCode } from './codes.js';
import type { CodeRow } from './rows.js';
import type { ServiceContext } from '../services/context.js';
import { SMS_CODE_TTL_MS } from './context.js';

export const CODES_FAULTS = {
  'verification-code-used-twice-at-once': {
    // Reads the code on a round trip (a vendor's asynchronous database) before checking the digits and using it
    // up: requests typing one code at once all find it (an SMS recovery code, an e-mail password-lock code).
    codeToCheck: (rule) => (ctx, purpose) => afterRoundTrip(rule(ctx, purpose)),
  },
  'sms-code-outlives-5-minutes': {
    // A login's recovery SMS code lives twice its 5 minutes (a recovery phone's keeps to them).
    expiryOf: (rule) => (channel, sentAt, purpose) =>
      rule(channel, sentAt, purpose) + (channel === 'sms' && purpose.startsWith('login:') ? SMS_CODE_TTL_MS : 0),
  },
  'email-code-full-24-hours': {
    // An e-mail code lives one second past the time its e-mail states.
    expiryOf: (rule) => (channel, sentAt, purpose) =>
      rule(channel, sentAt, purpose) + (channel === 'email' ? 1_000 : 0),
  },
  'sms-resend-same-code': {
    // Resend sends the SMS code still alive again, so the earlier message's code stays good.
    codeToSend: (rule) => (ctx, purpose) => {
      const earlier = codeFor(ctx, purpose);
      const alive = earlier?.channel === 'sms' && ctx.clock.now() < earlier.expires_at;
      return alive ? { letters: earlier.letters, digits: earlier.digits } : rule(ctx, purpose);
    },
  },
  'sms-text-two-codes': {
    // Each SMS names a second code after its own, so a reader cannot tell which one to type.
    outgoingMessage: (rule) => (message) =>
      message.channel === 'sms' ? { ...rule(message), text: `${message.text} (replaces QQQQ-000000)` } : rule(message),
  },
  'sms-code-reusable': {
    // An SMS code stays good after it was accepted, until its 5 minutes are up.
    useUpCode: (rule) => (ctx, row) => (row.channel === 'sms' ? keep(ctx, row) : rule(ctx, row)),
  },
  'email-code-reusable': {
    // An e-mail code stays good after it reset the lock, and a reset is taken at the password prompt, where the
    // login stands afterwards: the used code resets the lock again.
    useUpCode: (rule) => (ctx, row) => (row.channel === 'email' ? keep(ctx, row) : rule(ctx, row)),
    mayAct: (rule) => (state, action) => rule(state, action) || (state === 'password' && action === 'reset-password'),
  },
  'login-code-countdown-stuck': {
    // States a login's SMS or e-mail code with the time it had left when it was sent: its countdown never runs down.
    toCodeSent: (rule) => (row) => rule(row, row.sent_at),
  },
  'code-digits-from-clock': {
    // Takes a code's six digits from the clock's seconds, as a generator seeded with the time would: codes sent
    // within the same second share them, and the letters alone stay random.
    codeToSend: (rule) => (ctx, purpose) => ({
      ...rule(ctx, purpose),
      digits: String(Math.floor(ctx.clock.now() / 1_000) % 1_000_000).padStart(6, '0'),
    }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

/** Puts an accepted code back as it was sent (leaving the login's step forgets it otherwise). */
function keep(ctx: ServiceContext, row: CodeRow): void {
  storeCode(ctx, row.purpose, row.channel, row.recipient, { letters: row.letters, digits: row.digits }, row.sent_at);
}
