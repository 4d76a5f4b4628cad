/** The self-test's faulty variants of verification code lifetimes (codes.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
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
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
