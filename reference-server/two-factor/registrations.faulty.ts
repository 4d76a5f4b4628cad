/** The self-test's faulty variants of registration tokens (registrations.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const REGISTRATIONS_FAULTS = {
  'registration-completable-twice': {
    // Never marks a registration used, so its token or secret registers a second authenticator.
    markUsed: () => () => undefined,
  },
  'registration-lives-11-minutes': {
    // A registration token outlives a pairing token by a minute.
    registrationExpiry: (rule) => (ctx, issuedAt) => rule(ctx, issuedAt) + 60_000,
  },
  'account-label-generic': {
    // Names every registered account "Account", whatever the desktop machine is called.
    defaultAccountLabel: () => () => 'Account',
  },
  'registration-expiry-overstated': {
    // Tells the desktop, and the QR code, a minute more than the token is kept.
    registrationExpiry: (rule) => (ctx, issuedAt, told) => rule(ctx, issuedAt, told) + (told ? 60_000 : 0),
  },
  'registration-qr-expiry-differs': {
    // The QR code's expires is a minute later than the answer's expiresAt, which is right.
    registrationExpiry: (rule) => (ctx, issuedAt, told) => rule(ctx, issuedAt, told) + (told === 'qr' ? 60_000 : 0),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
