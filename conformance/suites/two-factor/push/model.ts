/**
 * The model of push approval and the desktop login around it (seed 000 Appendix A, §11.2; PROTOCOL.md "Push
 * approval", "Login"), simpler than any server: a request lives 5 minutes from sending and is answered once, only
 * by the authenticator it went to; sending again (Resend) voids the login's pending request, and so does the login
 * ending another way; approval logs its login in, rejection never does. Answers are predicted for a span of server
 * time, as the server's clock is read somewhere within the call.
 */
import type { LoginState } from '../../../spec/protocol/two-factor-login.js';
import type { PushStatus } from '../../../spec/protocol/two-factor.js';
import type { OtpModel } from '../common/otp-commands.js';

export const PUSH_LIFETIME_MS = 5 * 60_000;

export interface PushRequest {
  readonly id: string;
  readonly loginId: string;
  /** Index of the authenticator it went to. */
  readonly auth: number;
  readonly expiresAt: number;
  status: 'pending' | 'approved' | 'rejected' | 'voided';
}

export interface ModelLogin {
  readonly id: string;
  state: 'choose-method' | 'push-wait' | 'push-rejected' | 'logged-in';
  request?: string;
}

export interface PushModel extends OtpModel {
  readonly logins: Record<string, ModelLogin>;
  current: string;
  readonly requests: PushRequest[];
  /** What the next verify reads besides the login (world.ts): what the steps since the last one could change. */
  readonly since: SinceVerify;
}

/** What the steps since the last verify could have changed on the devices' notification lists, as the model knows. */
export interface SinceVerify {
  /** The devices (by index) whose requests a step sent, answered or voided, whatever the answer. */
  readonly touched: Set<number>;
  /** Whether a step moved the server's clock: a pending request may have expired, or wrongly may have. */
  clockMoved: boolean;
  /** The devices the last verify read: after a sequence's last step the others are read too. */
  readonly read: Set<number>;
  /** When each device's notifications were last read (server time before the call). */
  readonly readAt: Map<number, number>;
}

export const sinceVerify = (): SinceVerify => ({
  touched: new Set(),
  clockMoved: false,
  read: new Set(),
  readAt: new Map(),
});

export const requestOf = (m: PushModel, id: string | undefined) => m.requests.find((r) => r.id === id);
export const currentLogin = (m: PushModel) => m.logins[m.current] as ModelLogin;

export function statusAt(r: PushRequest, t: number): PushStatus {
  return r.status === 'pending' && t >= r.expiresAt ? 'expired' : r.status;
}

/** The times in [before, after] at which the model's answer may change: the ends, and expiries in between. */
export function timesIn(m: PushModel, before: number, after: number): number[] {
  const times = new Set([before, after]);
  for (const r of m.requests) if (r.expiresAt > before && r.expiresAt <= after) times.add(r.expiresAt);
  return [...times];
}

export function stateAt(m: PushModel, login: ModelLogin, t: number): LoginState {
  if (login.state !== 'push-wait') return login.state;
  const status = statusAt(requestOf(m, login.request) as PushRequest, t);
  return status === 'expired' || status === 'voided' ? 'push-expired' : 'push-wait';
}

export function statesIn(m: PushModel, login: ModelLogin, before: number, after: number): LoginState[] {
  return [...new Set(timesIn(m, before, after).map((t) => stateAt(m, login, t)))];
}

export type Answer =
  'approved' | 'rejected' | 'push-not-found' | 'push-voided' | 'push-expired' | 'push-already-answered';

export function answerAt(r: PushRequest, byOwner: boolean, decision: 'approve' | 'reject', t: number): Answer {
  if (!byOwner) return 'push-not-found';
  const status = statusAt(r, t);
  if (status === 'expired') return 'push-expired';
  if (status === 'voided') return 'push-voided';
  if (status !== 'pending') return 'push-already-answered';
  return decision === 'approve' ? 'approved' : 'rejected';
}

/** Which requirement each expected answer stands for. */
const RULE_OF_ANSWER: Record<Answer, string> = {
  approved: 'PUSH-03',
  rejected: 'PUSH-06',
  'push-not-found': 'PUSH-01',
  'push-voided': 'PUSH-07',
  'push-expired': 'PUSH-04',
  'push-already-answered': 'PUSH-10',
};

export const answerRules = (expected: readonly Answer[]) => [...new Set(expected.map((a) => RULE_OF_ANSWER[a]))];

/** The answer's effect: approval logs the request's login in, rejection shows the login as rejected. */
export function applyAnswer(m: PushModel, r: PushRequest, answer: Answer): void {
  m.since.touched.add(r.auth);
  if (answer !== 'approved' && answer !== 'rejected') return;
  r.status = answer;
  const login = m.logins[r.loginId];
  if (login?.state === 'push-wait' && login.request === r.id)
    login.state = answer === 'approved' ? 'logged-in' : 'push-rejected';
}

/** A login moving on (a new request, or logged in by a code) voids its pending requests. */
export function voidPending(m: PushModel, loginId: string): void {
  for (const r of m.requests) {
    if (r.loginId !== loginId || r.status !== 'pending') continue;
    r.status = 'voided';
    m.since.touched.add(r.auth);
  }
}

/** Which requirements a login shown in the wrong state breaks. */
export function stateRules(
  m: PushModel,
  login: ModelLogin,
  expected: readonly LoginState[],
  got: LoginState,
): string[] {
  const latest = requestOf(m, login.request);
  if (got === 'logged-in') {
    if (latest?.status === 'rejected') return ['PUSH-06'];
    if (latest?.status === 'voided') return ['PUSH-07'];
    return latest ? ['PUSH-04'] : ['LOGIN-04'];
  }
  if (expected.includes('logged-in')) return latest?.status === 'approved' ? ['PUSH-03'] : ['LOGIN-11'];
  if (expected.includes('push-rejected') || got === 'push-rejected') return ['PUSH-06'];
  if (latest?.status === 'voided') return ['PUSH-07'];
  return ['PUSH-04'];
}
