/**
 * The self-test's faulty variants of logins (logins.ts): "Trust this browser", the time a login started, the
 * authenticators a code is checked against read a turn before the check, or the wrong one.
 */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { afterRoundTrip } from '../services/round-trip.js';
import { allAuthenticators } from './authenticators.js';
import type { ServiceContext } from '../services/context.js';

/** A session a vendor keeps open after a second factor: the 10 minutes since a code was taken or a push approved. */
const SESSION_MS = 10 * 60_000;

function secondFactorSince(ctx: ServiceContext, since: number): boolean {
  const passed = ctx.db
    .prepare(
      `SELECT 1 FROM tfa_authenticators WHERE last_time_step >= ?
       UNION ALL SELECT 1 FROM tfa_push_requests WHERE status = 'approved' AND answered_at >= ?`,
    )
    .get(Math.floor(since / 30_000), since);
  return passed !== undefined;
}

export const LOGINS_FAULTS = {
  'trust-lasts-31-days': {
    // A trusted browser skips the code one day longer than the protocol's 30 days.
    trustedBrowserLifetimeMs: (rule) => () => rule() + 24 * 60 * 60_000,
  },
  'login-created-at-wall-clock': {
    // Stamps a new login with the machine's own time, not the clock every other decision reads.
    loginCreatedAt: () => () => Date.now(),
  },
  'totp-accepted-twice-at-once': {
    // Reads the authenticators, then waits on a round trip (a vendor's asynchronous database) before checking the
    // code against what it read and writing the step: two logins sent the same code at once both pass the check.
    otpCandidates: (rule) => (ctx, authenticatorId) => afterRoundTrip(rule(ctx, authenticatorId)),
  },
  'recent-second-factor-trusted': {
    // Skips the second factor for 10 minutes after one was passed (a code taken, the set-up's included, or a push
    // approved), as though the desktop's session were still open: 2FA is not asked at the logins that follow.
    trustedAtStart: (rule) => (ctx, browserToken, now) =>
      rule(ctx, browserToken, now) || secondFactorSince(ctx, now - SESSION_MS),
  },
  'trusted-browser-never-recognised': {
    // Never finds a trusted browser's token (as a server that stores it one way and looks it up another): no login
    // ever starts trusted, so "Trust this browser" never skips the code.
    trustedAtStart: () => () => false,
  },
  'named-code-checked-against-first-device': {
    // Looks the chosen device up by position in a list read in registration order: a code entered for any device is
    // checked against the first one's secret.
    otpCandidates: (rule) => (ctx, authenticatorId) =>
      rule(ctx, authenticatorId === undefined ? undefined : (allAuthenticators(ctx)[0]?.id ?? authenticatorId)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
