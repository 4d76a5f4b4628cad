/**
 * What the 2FA checks share: where they apply, the server's time (moved forward on a controlled target, read back
 * around every call), calls whose refusal code is the answer, and a clean 2FA state. The 2FA settings are one per
 * server and every check of an edition shares the server, so each 2FA check starts by removing every
 * authenticator and the password lock, and leaves them removed (two-factor-session.ts).
 */
import { ClientError, MbsError, type ErrorCode } from '../spec/errors.js';
import { EDITIONS } from '../spec/editions.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { Applicability, Column } from '../framework/check.js';
import { Violation } from '../framework/violation.js';
import type { OffsetClock, ReferenceSession } from '../targets/reference-target.js';
import type { TargetSession } from '../targets/target.js';

export const NO_2FA_REASON =
  '2FA exists on Pro and Lite only (DESIGN.md); tfa-home-refuses checks that Home refuses it';
export const NO_CONSOLE_REASON =
  'needs the console key (--console-key): the 2FA settings and logins are desktop routes';
export const NO_CLOCK_REASON =
  'moves the server clock (code steps, lifetimes, throttling waits), which only a controlled target allows';

/** Server checks of 2FA: an edition that has it, and the desktop side's key. */
export function needsTwoFactor(column: Column, session: TargetSession): Applicability {
  if (!EDITIONS[column.edition].twoFactor) return { applies: false, reason: NO_2FA_REASON };
  if (!session.console) return { applies: false, reason: NO_CONSOLE_REASON };
  return { applies: true };
}

/** 2FA checks that travel in time. */
export function needsTwoFactorClock(column: Column, session: TargetSession): Applicability {
  const base = needsTwoFactor(column, session);
  if (!base.applies) return base;
  return movableClock(session) ? base : { applies: false, reason: NO_CLOCK_REASON };
}

/** Device checks of 2FA: a device profile too. */
export function needsTwoFactorDevice(column: Column, session: TargetSession): Applicability {
  const base = needsTwoFactor(column, session);
  if (!base.applies) return base;
  return column.profile ? base : { applies: false, reason: 'device checks need a device profile' };
}

function movableClock(session: TargetSession): OffsetClock | undefined {
  if (!session.controlled) return undefined;
  const clock = (session as Partial<ReferenceSession>).clock;
  return clock && typeof clock.advance === 'function' && typeof clock.now === 'function' ? clock : undefined;
}

export function consoleOf(session: TargetSession): MbsClient {
  if (!session.console) throw new ClientError('not-paired', NO_CONSOLE_REASON);
  return session.console;
}

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

/** A call and the server's clock read just before and just after it: the server read its time in between. */
export interface Probe<T> {
  readonly before: number;
  readonly after: number;
  readonly outcome: Outcome<T>;
}

/**
 * The server's time. On a controlled target it is the OffsetClock, which moves on with the wall clock, so no call
 * lands on an exact millisecond: a check aims (say at 4:59.999) and judges by the readings around the call. A call
 * that starts and ends in the same millisecond hit it exactly; one that crosses an edge may get either answer.
 */
export class ServerTime {
  private moved = 0;
  constructor(private readonly clock: OffsetClock | undefined) {}

  static of(session: TargetSession): ServerTime {
    return new ServerTime(movableClock(session));
  }

  get movable(): boolean {
    return this.clock !== undefined;
  }

  now(): number {
    return this.clock ? this.clock.now() : Date.now();
  }

  advance(ms: number): void {
    if (ms <= 0) return;
    if (!this.clock) throw new Error(NO_CLOCK_REASON);
    this.clock.advance(ms);
    this.moved += ms;
  }

  /** Moves forward to `target` (never back: a time already past stays past). */
  moveTo(target: number): void {
    this.advance(target - this.now());
  }

  async probe<T>(call: () => Promise<T>): Promise<Probe<T>> {
    const before = this.now();
    const outcome = await attempt(call());
    return { before, after: this.now(), outcome };
  }

  /** Puts the clock back where the check found it, for the checks that come after. */
  restore(): void {
    if (this.clock && this.moved !== 0) this.clock.advance(-this.moved);
    this.moved = 0;
  }
}

/** What a verification code's last millisecond tests, in words for the failures. */
export interface LastMillisecond {
  readonly requirement: string;
  /** e.g. `an SMS code was accepted after its 5 minutes` */
  readonly acceptedLate: string;
  /** e.g. `the SMS code at 4:59.999` */
  readonly inTime: string;
  /** e.g. `5:00.000` */
  readonly end: string;
}

/**
 * The right digits in a code's last millisecond are accepted. A call that crossed its end (a slow one) is tried
 * again with a new code from `send`, aiming 2, 4, … ms earlier.
 */
export async function inLastMillisecond<T>(
  time: ServerTime,
  send: () => Promise<{ readonly expiresAt: number; readonly digits: string }>,
  submit: (digits: string) => Promise<T>,
  rule: LastMillisecond,
): Promise<T> {
  for (let early = 1; early <= 128; early *= 2) {
    const { expiresAt, digits } = await send();
    time.moveTo(expiresAt - early);
    const probe = await time.probe(() => submit(digits));
    if (probe.outcome.ok && probe.before >= expiresAt) throw new Violation([rule.requirement], rule.acceptedLate);
    if (probe.outcome.ok) return probe.outcome.value;
    if (probe.outcome.code === 'verification-code-expired' && probe.after >= expiresAt) continue;
    throw new Violation([rule.requirement], `${rule.inTime} was refused: ${probe.outcome.code}`);
  }
  throw new Error(`no call landed before ${rule.end}, even aiming 128 ms early`);
}

/**
 * The login's code countdown, read now, must be the code's time left (0 once expired): the screen counts down,
 * not just shows the lifetime it started with.
 */
export async function verifyCountdown(desk: MbsClient, time: ServerTime, loginId: string, ids: readonly string[]) {
  const probe = await time.probe(() => desk.call('getLogin', { params: { loginId } }));
  const code = probe.outcome.ok ? probe.outcome.value.code : undefined;
  if (!code)
    throw new Violation(
      ids,
      `the login shows no code: ${probe.outcome.ok ? probe.outcome.value.state : probe.outcome.code}`,
    );
  const lo = Math.max(0, code.expiresAt - probe.after);
  const hi = Math.max(0, code.expiresAt - probe.before);
  if (code.remainingMs < lo || code.remainingMs > hi) {
    throw new Violation(ids, `the code's countdown shows ${code.remainingMs} ms, it has ${lo}..${hi} ms left`);
  }
}

/** Removes every authenticator and the password lock: 2FA off, as a check expects to find it. */
export async function clearTwoFactor(desk: MbsClient): Promise<void> {
  await desk.call('setPasswordLock', { body: { password: null } });
  const { authenticators } = await desk.call('getTwoFactor');
  for (const a of authenticators) {
    await desk.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } }).catch(() => undefined);
  }
}

/** Thrown inside a check's body when the target turns out not to offer something the check needs. */
export class NotApplicable extends Error {}
