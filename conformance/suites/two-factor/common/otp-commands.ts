/**
 * Commands that the model-based 2FA checks share: entering a one-time password at the desktop login (of any kind
 * the model knows, or malformed), and moving the server's clock to the edges that matter.
 */
import fc from 'fast-check';
import type { LoginState } from '../../../spec/protocol/two-factor-login.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import type { HistoryRecorder } from '../../../kit/history/history.js';
import { judgeHistory } from '../../../kit/history/judge.js';
import type { Sometimes } from '../../../kit/sometimes.js';
import { Violation } from '../../../kit/violation.js';
import { type ServerAuthenticator } from './actors.js';
import { STEP_MS, stepOf } from './totp-steps.js';
import {
  CODE_KINDS,
  codeOfKind,
  delayAfter,
  FREE_FAILURES,
  otpRulesBroken,
  predictOtp,
  wrongCode,
  type CodeKind,
  type OtpState,
} from './otp-model.js';
import { said, type ServerTime } from './support.js';

/** The process of the codes typed at the desktop login, in a history. */
export const DESKTOP_LOGIN = 'desktop login';

/** What the code commands need of a model. */
export interface OtpModel {
  otp: OtpState;
  /** The last code accepted from each authenticator (by its index in the world), to replay. */
  lastCode: Record<number, string>;
}

export interface OtpWorld {
  readonly desk: MbsClient;
  readonly time: ServerTime;
  readonly auths: readonly ServerAuthenticator[];
  /** The sequence's history of codes presented, judged after each acceptance (kit/history). */
  readonly history?: HistoryRecorder;
  /** Where a property counts the codes that reached the server in the last millisecond of their step. */
  readonly sometimes?: Sometimes<typeof CODE_IN_LAST_MS>;
}

/** A code the server read in the last millisecond of its step: the edge of the ±1 step window. */
export const CODE_IN_LAST_MS = 'code-read-in-the-last-millisecond-of-its-step';

export interface CodeEntry {
  readonly kind: CodeKind;
  /** Whose code it is. */
  readonly auth: number;
  /** Whether the login names the authenticator, or lets the server try them all. */
  readonly named: boolean;
}

export const codeEntry = (authenticators: number): fc.Arbitrary<CodeEntry> =>
  fc.record({
    kind: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<CodeKind>('current', 'previous', 'next', 'replayed') },
      { weight: 2, arbitrary: fc.constantFrom(...CODE_KINDS) },
    ),
    auth: fc.nat({ max: authenticators - 1 }),
    named: fc.boolean(),
  });

export const describeEntry = (e: CodeEntry, names: readonly string[]) =>
  `enter the ${e.kind} code of ${names[e.auth]}${e.named ? `, naming it` : ''}`;

/**
 * Without the server's clock a check keeps its failures below the throttle: a sixth attempt would be held for 30 s of
 * real time, and the next sequence (or check) could not log in until then. At most 4 failures, so one more still
 * leaves the success that resets them free.
 */
export const belowThrottle = (m: OtpModel) => m.otp.failures < FREE_FAILURES - 1;

/** A replay needs a code accepted before. */
export const canEnter = (m: OtpModel, e: CodeEntry) => e.kind !== 'replayed' || m.lastCode[e.auth] !== undefined;

/**
 * Enters a code at the login and checks the answer against the model; returns whether it logged in. The login
 * must be at a state that takes codes; a refused code leaves it where it was (`stays`, when given). A code the
 * model accepts and the server refuses breaks `acceptIds` too (the screen the code was typed into).
 */
export async function enterCode(
  m: OtpModel,
  w: OtpWorld,
  loginId: string,
  e: CodeEntry,
  stays?: LoginState,
  acceptIds: readonly string[] = [],
): Promise<boolean> {
  const auth = w.auths[e.auth] as ServerAuthenticator;
  const now = w.time.now();
  const code =
    e.kind === 'replayed'
      ? (m.lastCode[e.auth] as string)
      : e.kind === 'wrong'
        ? wrongCode(
            w.auths.map((a) => a.secret),
            now,
          )
        : (codeOfKind(e.kind, auth.secret, now) as string);
  const candidates = e.named ? [auth] : w.auths;
  const body = { code, ...(e.named ? { authenticatorId: auth.id } : {}) };
  const presented = w.history?.invoke(DESKTOP_LOGIN, { f: 'code', kind: 'totp', code });
  const probe = await w.time.probe(() => w.desk.call('loginOtp', { params: { loginId }, body }));
  const possible = predictOtp(m.otp, code, candidates, probe.before, probe.after);
  const got = probe.outcome.ok
    ? probe.outcome.value.state === 'logged-in'
      ? 'accepted'
      : 'not logged in'
    : said(probe.outcome);
  presented?.(got === 'accepted' ? 'ok' : 'fail');
  if (probe.before === probe.after && probe.before % STEP_MS === STEP_MS - 1) w.sometimes?.reach(CODE_IN_LAST_MS);
  // A code accepted twice shows in the history, with the first acceptance as its witness.
  if (w.history && got === 'accepted') judgeHistory(w.history.history, ['accepted-once']);
  const match = possible.find((p) => p.result === got);
  const step = `${(probe.before % STEP_MS) / 1000}..${(probe.after % STEP_MS) / 1000} s into the step`;
  if (!match) {
    const expected = possible.map((p) => p.result);
    // A screen that refuses codes altogether breaks the rule that it takes them.
    const screen = acceptIds.length > 0 ? [...acceptIds] : ['LOGIN-11'];
    const broken =
      got === 'not logged in' ? ['LOGIN-11'] : got === 'login-state' ? screen : otpRulesBroken(e.kind, expected, got);
    throw new Violation(
      expected.includes('accepted') && got !== 'accepted' ? [...new Set([...broken, ...acceptIds])] : broken,
      `${e.kind} code ${code} (${step}): the server answered ${got}, the model says ${expected.join(' or ')}`,
    );
  }
  m.otp = match.next;
  if (match.result === 'accepted') {
    m.lastCode[w.auths.findIndex((a) => a.id === match.by)] = code;
    return true;
  }
  if (stays === undefined) return false;
  const state = (await w.desk.call('getLogin', { params: { loginId } })).state;
  if (state !== stays) throw new Violation(['TOTP-08'], `after a refused code the login is at ${state}, not ${stays}`);
  return false;
}

export const MALFORMED_CODES = ['12345', '1234567', 'abcdef', '12 345', '', '１２３４５６'] as const;

/** A malformed code is refused by its shape, and counts as no attempt. */
export async function enterMalformed(w: OtpWorld, loginId: string, code: string): Promise<void> {
  const outcome = await w.time.probe(() => w.desk.call('loginOtp', { params: { loginId }, body: { code } }));
  if (outcome.outcome.ok || outcome.outcome.code !== 'invalid-request') {
    throw new Violation(['TOTP-08'], `the malformed code "${code}" was answered ${said(outcome.outcome)}`);
  }
}

export type ClockMove =
  | '29.999 s into the step'
  | '30.000 s: the next step'
  | 'past the throttle wait'
  | '1 ms before the throttle wait ends'
  | { readonly seconds: number };

export const clockMove: fc.Arbitrary<ClockMove> = fc.oneof(
  fc.constantFrom<ClockMove>(
    '29.999 s into the step',
    '30.000 s: the next step',
    'past the throttle wait',
    '1 ms before the throttle wait ends',
  ),
  fc.integer({ min: 1, max: 90 }).map((seconds) => ({ seconds })),
);

export const describeMove = (move: ClockMove) =>
  typeof move === 'string' ? `clock to ${move}` : `clock +${move.seconds} s`;

export async function moveClock(m: OtpModel, time: ServerTime, move: ClockMove): Promise<void> {
  const boundary = (stepOf(time.now()) + 1) * STEP_MS;
  const wait = delayAfter(m.otp.failures);
  const last = m.otp.lastFailure;
  if (move === '29.999 s into the step') await time.moveTo(boundary - 1);
  else if (move === '30.000 s: the next step') await time.moveTo(boundary);
  else if (move === 'past the throttle wait') await time.moveTo(last && wait > 0 ? last.hi + wait : time.now());
  else if (move === '1 ms before the throttle wait ends')
    await time.moveTo(last && wait > 0 ? last.lo + wait - 1 : time.now());
  else await time.advance(move.seconds * 1000);
}
