/**
 * The self-test's faulty variants of throttling (throttle.ts): each bends one number or choice of its policy, or
 * reads a kind's failure count a round trip before writing it.
 */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride, ServerRules } from '../server-rules.js';
import { afterRoundTrip } from '../services/round-trip.js';
import type { ServiceContext } from '../services/context.js';
import type { FailureCount, ThrottleScope } from './throttle.js';

export const THROTTLE_FAULTS = {
  'throttles-from-fifth-failure': {
    // Four free failures, not five: the fifth attempt already waits.
    throttlePolicy: (rule) => () => ({ ...rule(), freeFailures: rule().freeFailures - 1 }),
  },
  'throttle-never-doubles': {
    // Every wait is the first one, however many failures follow.
    throttlePolicy: (rule) => () => ({ ...rule(), growth: 1 }),
  },
  'replayed-otp-not-counted': {
    // A replayed code is refused but costs nothing, so replays never throttle.
    throttlePolicy: (rule) => () => {
      const policy = rule();
      return { ...policy, counted: new Set([...policy.counted].filter((code) => code !== 'otp-replayed')) };
    },
  },
  'success-keeps-failure-count': {
    // A success lets the user in but leaves the earlier failures counted.
    throttlePolicy: (rule) => () => ({ ...rule(), successResets: false }),
  },
  'otp-throttle-unannounced': {
    // Throttled one-time passwords are refused without saying how long to wait; the other kinds still say it.
    throttlePolicy: (rule) => () => ({ ...rule(), unannounced: new Set<ThrottleScope>(['otp']) }),
  },
  'totp-failures-lost-at-once': { failureCount: lostAtOnce(['otp']) },
  'code-failures-lost-at-once': { failureCount: lostAtOnce(['sms', 'email']) },
  'password-failures-lost-at-once': { failureCount: lostAtOnce(['password']) },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

type FailureCountRule = ServerRules['failureCount'];

/**
 * For `scopes`: reads the count on a round trip (a vendor's asynchronous database), then writes a failure as the
 * count it read plus one, so attempts at once all find the count from before any of them failed, and their writes
 * overwrite each other.
 */
function lostAtOnce(scopes: readonly ThrottleScope[]): (rule: FailureCountRule) => FailureCountRule {
  return (rule) => (ctx, scope) => (scopes.includes(scope) ? lost(ctx, scope, rule(ctx, scope)) : rule(ctx, scope));
}

async function lost(ctx: ServiceContext, scope: ThrottleScope, read: FailureCount | Promise<FailureCount>) {
  const row = (await read).row();
  const fail = (now: number) => {
    ctx.db
      .prepare(
        `INSERT INTO tfa_failures (scope, count, last_at) VALUES (?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET count = excluded.count, last_at = excluded.last_at`,
      )
      .run(scope, (row?.count ?? 0) + 1, now);
  };
  return afterRoundTrip<FailureCount>({ row: () => row, fail });
}
