/** The self-test's faulty variants of verification code lifetimes and resending (codes.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { codeFor } from './codes.js';
import { SMS_CODE_TTL_MS } from './context.js';

export const CODES_FAULTS = {
  'sms-code-outlives-5-minutes': {
    // An SMS code lives twice its 5 minutes.
    expiryOf: (rule) => (channel, sentAt) => rule(channel, sentAt) + (channel === 'sms' ? SMS_CODE_TTL_MS : 0),
  },
  'email-code-full-24-hours': {
    // An e-mail code lives one second past the time its e-mail states.
    expiryOf: (rule) => (channel, sentAt) => rule(channel, sentAt) + (channel === 'email' ? 1_000 : 0),
  },
  'sms-resend-same-code': {
    // Resend sends the SMS code still alive again, so the earlier message's code stays good.
    codeToSend: (rule) => (ctx, purpose) => {
      const earlier = codeFor(ctx, purpose);
      const alive = earlier?.channel === 'sms' && ctx.clock.now() < earlier.expires_at;
      return alive ? { letters: earlier.letters, digits: earlier.digits } : rule(ctx, purpose);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
