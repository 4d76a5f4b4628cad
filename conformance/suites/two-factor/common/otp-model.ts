/**
 * The model of one-time password acceptance, written from PROTOCOL.md and the seeds, simpler than any server: a
 * code is accepted in its own 30 s step and one either side, only for a step later than the last one accepted
 * from its authenticator; 5 consecutive failures are free, then each attempt waits 30 s after the last failure,
 * doubling up to 15 minutes, unevaluated; a success resets the count. Since no call lands on an exact
 * millisecond, the model answers for a span of server time: every answer the server may give within it.
 */
import { codeAt, STEP_MS, stepOf } from './totp-steps.js';

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

export interface OtpState {
  /** Per authenticator id: the last time step accepted from it (-1: none). */
  readonly lastStep: Readonly<Record<string, number>>;
  readonly failures: number;
  /** When the last failure was recorded: somewhere in this span of server time. */
  readonly lastFailure?: { readonly lo: number; readonly hi: number };
}

export interface OtpAuthenticator {
  readonly id: string;
  readonly secret: string;
}

export type OtpResult = 'accepted' | 'otp-invalid' | 'otp-replayed' | 'otp-throttled';

export interface OtpPrediction {
  readonly result: OtpResult;
  readonly next: OtpState;
  /** Who accepted the code, for an accepted one. */
  readonly by?: string;
}

/** The answer at server time `t`, with the throttle as given (the last failure's exact time is not known). */
function evaluate(
  state: OtpState,
  code: string,
  candidates: readonly OtpAuthenticator[],
  t: number,
  throttled: boolean,
  span: { lo: number; hi: number },
): OtpPrediction {
  if (throttled) return { result: 'otp-throttled', next: state };
  const now = stepOf(t);
  let replayed = false;
  for (const a of candidates) {
    const last = state.lastStep[a.id] ?? -1;
    for (const step of [now - 1, now, now + 1]) {
      if (codeAt(a.secret, step) !== code) continue;
      if (step > last) {
        return { result: 'accepted', by: a.id, next: { lastStep: { ...state.lastStep, [a.id]: step }, failures: 0 } };
      }
      replayed = true;
    }
  }
  return {
    result: replayed ? 'otp-replayed' : 'otp-invalid',
    next: { lastStep: state.lastStep, failures: state.failures + 1, lastFailure: span },
  };
}

/** Every answer the server may give to `code` sent at some time in [before, after]. */
export function predictOtp(
  state: OtpState,
  code: string,
  candidates: readonly OtpAuthenticator[],
  before: number,
  after: number,
): OtpPrediction[] {
  const delay = delayAfter(state.failures);
  const waits = state.lastFailure && delay > 0 ? [state.lastFailure.lo + delay, state.lastFailure.hi + delay] : [];
  const times = new Set([before, after]);
  for (let edge = (stepOf(before) + 1) * STEP_MS; edge <= after; edge += STEP_MS) times.add(edge);
  for (const end of waits) if (end > before && end <= after) times.add(end);
  const span = { lo: before, hi: after };
  const out: OtpPrediction[] = [];
  for (const t of times) {
    const certain = waits.length === 0 ? false : t < (waits[0] as number);
    const possible = waits.length === 0 ? false : t < (waits[1] as number);
    for (const throttled of new Set([certain, possible])) {
      const p = evaluate(state, code, candidates, t, throttled, span);
      if (!out.some((o) => o.result === p.result && o.by === p.by)) out.push(p);
    }
  }
  return out;
}

/** The codes a check enters, by how they relate to the server's current step. */
export const CODE_KINDS = [
  'current',
  'previous',
  'next',
  'two steps back',
  'two steps ahead',
  '5 minutes back',
  '5 minutes ahead',
  'replayed',
  'wrong',
] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

const OFFSETS: Partial<Record<CodeKind, number>> = {
  current: 0,
  previous: -1,
  next: 1,
  'two steps back': -2,
  'two steps ahead': 2,
  '5 minutes back': -10,
  '5 minutes ahead': 10,
};

/** The code of `kind` at server time `t` (replayed and wrong codes come from elsewhere). */
export function codeOfKind(kind: CodeKind, secret: string, t: number): string | undefined {
  const offset = OFFSETS[kind];
  return offset === undefined ? undefined : codeAt(secret, stepOf(t) + offset);
}

/**
 * A code no authenticator makes within three steps of `t`, one digit off the first one's code of the next step (one
 * the window takes and a check's setup leaves unused): the last digit if that makes no code near, else another. A
 * near miss, so that a server comparing codes only in part (five digits of six) takes it, where a code far from any
 * would pass as refused.
 */
export function wrongCode(secrets: readonly string[], t: number): string {
  const near = new Set(secrets.flatMap((s) => [-3, -2, -1, 0, 1, 2, 3].map((d) => codeAt(s, stepOf(t) + d))));
  const right = codeAt(secrets[0] ?? 'JBSWY3DPEHPK3PXP', stepOf(t) + 1);
  // 6 places × 9 other digits: at most 7 × secrets.length codes are near, so for any few secrets one is free.
  for (let k = 0; k < 54; k++) {
    const at = 5 - Math.floor(k / 9);
    // The other nine digits of the place, from the one five away: 5, 6, 7, 8, 9, 1, 2, 3, 4 more (mod 10).
    const digit = (Number(right[at]) + (((k % 9) + 4) % 9) + 1) % 10;
    const code = `${right.slice(0, at)}${digit}${right.slice(at + 1)}`;
    if (!near.has(code)) return code;
  }
  throw new Error(`every code one digit off ${right} is near a code of the ${secrets.length} authenticators`);
}

/** The codes of the steps either side of the current one, which the window must take. */
const NEIGHBOURS: readonly CodeKind[] = ['previous', 'next'];

/** Which requirements an answer breaks, when the server's answer is not among the model's. */
export function otpRulesBroken(kind: CodeKind, expected: readonly OtpResult[], got: string): string[] {
  if (got === 'otp-throttled' || expected.includes('otp-throttled')) return ['TOTP-18'];
  // A code that matches nothing, taken or called a replay (of a code it only resembles): the server matched it.
  if (kind === 'wrong') return ['TOTP-08'];
  if (got === 'accepted') {
    if (kind === 'replayed') return ['TOTP-12'];
    if (kind.startsWith('5 minutes')) return ['TOTP-04', 'TOTP-09', 'TOTP-13'];
    if (kind.startsWith('two steps')) return ['TOTP-04', 'TOTP-13'];
    return ['TOTP-12'];
  }
  // A code of the ±1 step window refused as unknown: the server does not take that step at all (TOTP-01), whether
  // the model expected it accepted or, already used, replayed; calling it a replay would blame the wrong rule.
  if (expected.includes('accepted') || (got === 'otp-invalid' && NEIGHBOURS.includes(kind))) {
    if (NEIGHBOURS.includes(kind)) return ['TOTP-01', 'TOTP-13'];
    return ['TOTP-01', 'TOTP-02', 'TOTP-04', 'TOTP-11', 'LOGIN-11'];
  }
  // Calling a code from two or more steps away "replayed" means the server still counts it within its window.
  const far = kind.startsWith('two steps') || kind.startsWith('5 minutes');
  if (got === 'otp-replayed' && far && !expected.includes('otp-replayed')) return ['TOTP-04', 'TOTP-13'];
  return got === 'otp-replayed' || expected.includes('otp-replayed') ? ['TOTP-12'] : ['TOTP-08'];
}
