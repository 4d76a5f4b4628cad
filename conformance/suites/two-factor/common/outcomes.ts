/**
 * Calls whose refusal code is the answer: a 2FA check attempts a call and judges the outcome, an answer or the
 * catalogued code it was refused with, and says which it was in its failures.
 */
import { MbsError, type ErrorCode } from '../../../spec/errors.js';
import { Violation } from '../../../kit/violation.js';

/** An answer, or the catalogued code it was refused with; anything else (a protocol violation) is thrown. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: ErrorCode; readonly details?: Readonly<Record<string, unknown>> };

export async function attempt<T>(call: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (!(error instanceof MbsError)) throw error;
    return { ok: false, code: error.code, ...(error.details ? { details: error.details } : {}) };
  }
}

export const said = (outcome: Outcome<unknown>): string => (outcome.ok ? 'accepted' : outcome.code);

/** A call that must succeed: otherwise a violation of `ids`. */
export async function mustPass<T>(call: Promise<T>, ids: readonly string[], what: string): Promise<T> {
  const outcome = await attempt(call);
  if (!outcome.ok) throw new Violation(ids, `${what}: refused with ${outcome.code}`);
  return outcome.value;
}

/** A call that must be refused with one of `codes`: otherwise a violation of `ids`. */
export async function mustRefuse(
  call: Promise<unknown>,
  codes: readonly ErrorCode[],
  ids: readonly string[],
  what: string,
): Promise<ErrorCode> {
  const outcome = await attempt(call);
  if (outcome.ok) throw new Violation(ids, `${what}: expected ${codes.join(' or ')}, but it was accepted`);
  if (!codes.includes(outcome.code))
    throw new Violation(ids, `${what}: expected ${codes.join(' or ')}, got ${outcome.code}`);
  return outcome.code;
}
