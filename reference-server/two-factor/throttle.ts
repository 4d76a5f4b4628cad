/**
 * Throttling of consecutive failures, per scope (one-time passwords, the password lock, SMS and e-mail codes,
 * registrations): 5 failures are free, then each attempt waits 30 s, doubling up to 15 minutes, until a success
 * resets the count. A throttled attempt is not evaluated and not counted. Beyond about 100 failures a day nothing
 * gets through (NIST SP 800-63B §5.2.2); there is no hard lock, which anyone able to guess could use to lock the
 * owner out. Failures are kept in SQLite, so a restart does not reset them.
 */
import { MbsError, type ErrorCode } from '../../conformance/spec/errors.js';
import type { ServiceContext } from '../services/context.js';
import { gateOf, MOST_AT_ONCE } from './throttle-gate.js';

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export type ThrottleScope = 'otp' | 'password' | 'sms' | 'email' | 'registration' | `phone:${string}`;

/** The numbers and choices of throttling, as one value so that each can be read (and bent) on its own. */
export interface ThrottlePolicy {
  readonly freeFailures: number;
  readonly firstDelayMs: number;
  /** Each failure beyond the free ones multiplies the wait by this. */
  readonly growth: number;
  readonly maxDelayMs: number;
  /** The refusals that count as a failed guess. */
  readonly counted: ReadonlySet<ErrorCode>;
  readonly successResets: boolean;
  /** Scopes whose throttled refusals leave out how long to wait: none, every refusal announces `retryAfterMs`. */
  readonly unannounced: ReadonlySet<ThrottleScope>;
}

const COUNTED: ReadonlySet<ErrorCode> = new Set([
  'otp-invalid',
  'otp-replayed',
  'password-invalid',
  'verification-code-invalid',
]);

export function throttlePolicy(): ThrottlePolicy {
  return {
    freeFailures: FREE_FAILURES,
    firstDelayMs: FIRST_DELAY_MS,
    growth: 2,
    maxDelayMs: MAX_DELAY_MS,
    counted: COUNTED,
    successResets: true,
    unannounced: new Set(),
  };
}

/** How long after the last of `failures` consecutive failures the next attempt must wait. */
export function delayAfter(failures: number, policy: ThrottlePolicy = throttlePolicy()): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.firstDelayMs * policy.growth ** (failures - policy.freeFailures), policy.maxDelayMs);
}

export interface FailureRow {
  count: number;
  last_at: number;
}

/**
 * Runs a synchronous check under the scope's throttle: counts its counted refusals, resets on success. Its callers
 * cannot await, so it reads the count at once.
 */
export function throttled<T>(ctx: ServiceContext, scope: ThrottleScope, attempt: () => T): T {
  return throttledWith(ctx, scope, countNow(ctx, scope), attempt);
}

/**
 * `throttled` for a guess whose handler may await (a login's one-time password, SMS or e-mail code), with `count`
 * as the handler read it through the server's rules (failureCount) before anything else, awaited only when the read
 * is asynchronous. Straight, nothing is awaited between that read and the check, and guesses sent at once each find
 * the failures of those before.
 */
export function throttledWith<T>(ctx: ServiceContext, scope: ThrottleScope, count: FailureCount, attempt: () => T): T {
  const turn = admit(ctx, scope, count.row());
  let result: T;
  try {
    result = attempt();
  } catch (error) {
    recordFailure(turn, count, error);
    throw error;
  }
  recordSuccess(ctx, scope, turn);
  return result;
}

/** How an attempt reads a scope's consecutive failures, and how it writes its own failure. */
export interface FailureCount {
  readonly row: () => FailureRow | undefined;
  /** Writes the attempt's failure, made at `now`. */
  readonly fail: (now: number) => void;
}

/**
 * How an attempt counts the scope's failures. Straight, the count is read as the attempt is admitted, in the turn of
 * its check, and a failure is written as one more in place: attempts that run side by side (passwords, whose check
 * awaits its key derivation) each add theirs to whatever the count is by then, and none is lost.
 */
export function failureCount(ctx: ServiceContext, scope: ThrottleScope): FailureCount | Promise<FailureCount> {
  return countNow(ctx, scope);
}

function countNow(ctx: ServiceContext, scope: ThrottleScope): FailureCount {
  return { row: () => failuresOf(ctx, scope), fail: (now) => addFailure(ctx, scope, now) };
}

function addFailure(ctx: ServiceContext, scope: ThrottleScope, now: number): void {
  ctx.db
    .prepare(
      `INSERT INTO tfa_failures (scope, count, last_at) VALUES (?, 1, ?)
       ON CONFLICT (scope) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
    )
    .run(scope, now);
}

/**
 * Runs a check that takes time off the event loop (a password's key derivation) under the scope's throttle. No
 * more attempts of a scope run at once than failures remain free (and never more than MOST_AT_ONCE), each failure
 * added in place: a burst of guesses is no more evaluated than guesses one after another, while many right
 * passwords at once run side by side.
 */
export async function throttledAsync<T>(
  ctx: ServiceContext,
  scope: ThrottleScope,
  attempt: () => Promise<T>,
): Promise<T> {
  const gate = gateOf(ctx, scope);
  const free = () => ctx.rules.throttlePolicy().freeFailures - (failuresOf(ctx, scope)?.count ?? 0);
  await gate.enter(() => Math.max(1, Math.min(MOST_AT_ONCE, free())));
  try {
    const read = ctx.rules.failureCount(ctx, scope);
    const count = read instanceof Promise ? await read : read;
    const turn = admit(ctx, scope, count.row());
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      recordFailure(turn, count, error);
      throw error;
    }
    recordSuccess(ctx, scope, turn);
    return result;
  } finally {
    gate.leave();
  }
}

interface Turn {
  readonly now: number;
  readonly policy: ThrottlePolicy;
  readonly row: FailureRow | undefined;
}

function failuresOf(ctx: ServiceContext, scope: ThrottleScope): FailureRow | undefined {
  return ctx.db.prepare('SELECT count, last_at FROM tfa_failures WHERE scope = ?').get(scope) as FailureRow | undefined;
}

/** `otp-throttled` while the scope's failures make the next attempt wait; else the attempt may run. */
function admit(ctx: ServiceContext, scope: ThrottleScope, row: FailureRow | undefined): Turn {
  const now = ctx.clock.now();
  const policy = ctx.rules.throttlePolicy();
  const delay = row ? delayAfter(row.count, policy) : 0;
  const wait = row ? row.last_at + delay - now : 0;
  if (row && delay > 0 && wait > 0) {
    const announced = policy.unannounced.has(scope) ? {} : { retryAfterMs: wait };
    throw new MbsError('otp-throttled', undefined, { ...announced, failures: row.count });
  }
  return { now, policy, row };
}

function recordFailure(turn: Turn, count: FailureCount, error: unknown): void {
  if (error instanceof MbsError && turn.policy.counted.has(error.code)) count.fail(turn.now);
}

function recordSuccess(ctx: ServiceContext, scope: ThrottleScope, turn: Turn): void {
  if (turn.row && turn.policy.successResets) ctx.db.prepare('DELETE FROM tfa_failures WHERE scope = ?').run(scope);
}
