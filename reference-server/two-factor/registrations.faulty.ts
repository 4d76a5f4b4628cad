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
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
