/**
 * The enhanced security model's state and its rules (seed 000 §6.4.4), checked after every authentication the
 * commands (commands.ts) make: what the app must answer with a secret at a time, the wait and the
 * "Try again later" it shows when locked, no lock after a success, and a lock within 10 failures in a row.
 */
import type fc from 'fast-check';
import { Violation } from '../../../kit/violation.js';
import type { Kind, Outcome, Result, SecurityApp } from './port.js';

const MAX_FAILURES_BEFORE_LOCK = 10;

export interface Model {
  enabled: boolean;
  failures: number;
  lockedUntil: number;
  screenLock: boolean;
  readonly biometric: boolean;
}
export type Step = fc.AsyncCommand<Model, SecurityApp>;

const right = (m: Model, kind: Kind) => (kind === 'password' && m.screenLock) || (kind === 'biometric' && m.biometric);

/** What the app must answer to an authentication with `kind` at `now`. */
function expected(m: Model, kind: Kind, now: number): Result {
  if (now < m.lockedUntil) return 'security-locked';
  return right(m, kind) ? 'ok' : 'authentication-failed';
}

/**
 * Checks an authentication's answer against the model and moves the model on. Whether a failure locked the page
 * is what the page shows ("Try again later" and the wait), read after each failure.
 */
export async function judge(
  m: Model,
  app: SecurityApp,
  kind: Kind,
  got: Outcome,
  blame: readonly string[],
): Promise<void> {
  const now = await app.now();
  const want = expected(m, kind, now);
  if (got.result !== want) {
    const ids = want === 'security-locked' || got.result === 'security-locked' ? ['ESEC-09', 'ESEC-10'] : blame;
    throw new Violation(
      kind === 'password' && m.biometric && want === 'ok' ? [...ids, 'ESEC-07'] : ids,
      `${kind}: ${got.result}, the model says ${want}`,
    );
  }
  if (got.result === 'security-locked') {
    const unit = app.waitUnitMs;
    const wait = Math.ceil((m.lockedUntil - now) / unit) * unit;
    if (got.retryAfterMs !== wait || !/try again/i.test(got.message)) {
      throw new Violation(
        ['ESEC-08'],
        `locked with "${got.message}" and ${got.retryAfterMs} ms to wait, ${m.lockedUntil - now} ms were shown`,
      );
    }
    return;
  }
  const lock = await app.lockRemainingMs();
  if (got.result === 'ok') {
    if (lock > 0) throw new Violation(['ESEC-08'], 'a successful authentication locked the page');
    m.failures = 0;
    return;
  }
  m.failures += 1;
  if (lock > 0) {
    m.lockedUntil = now + lock;
    m.failures = 0;
  } else if (m.failures >= MAX_FAILURES_BEFORE_LOCK) {
    throw new Violation(['ESEC-08'], `${m.failures} failed authentications in a row and no lock`);
  }
}
