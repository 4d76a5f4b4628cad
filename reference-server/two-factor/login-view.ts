/** A stored login as the protocol shows it: the desktop screen's data, read at the clock's current time. */
import { MbsError } from '../../conformance/spec/errors.js';
import type { Login, LoginState } from '../../conformance/spec/protocol/two-factor-login.js';
import type { ServiceContext } from '../services/context.js';
import { authenticatorRefs } from './authenticators.js';
import { codeFor } from './codes.js';
import { stateAt } from './login-state.js';
import { pushById, statusAt } from './push.js';
import type { AuthenticatorRow, LoginRow } from './rows.js';

const BEFORE_SECOND_FACTOR: readonly LoginState[] = ['password', 'forgot-password', 'logged-in'];
const PUSH_STATES: readonly LoginState[] = ['push-wait', 'push-rejected', 'push-expired'];
const CODE_STATES: readonly LoginState[] = ['forgot-password', 'recovery-code'];

export function loginRow(ctx: ServiceContext, loginId: string): LoginRow {
  const row = ctx.db.prepare('SELECT * FROM tfa_logins WHERE id = ?').get(loginId) as LoginRow | undefined;
  if (!row) throw new MbsError('login-not-found');
  return row;
}

/** The login and its state as of now. */
export function currentLogin(ctx: ServiceContext, loginId: string): { row: LoginRow; state: LoginState } {
  const row = loginRow(ctx, loginId);
  const push = row.push_request_id === null ? undefined : pushById(ctx, row.push_request_id);
  return { row, state: stateAt(row.state, push && statusAt(push, ctx.clock.now())) };
}

/** The name a login's options give a device: the one it registered with, "Redmi Note 8" (LOGIN-09, PUSH-02). */
export function optionName(_ctx: ServiceContext, authenticator: Pick<AuthenticatorRow, 'name'>): string {
  return authenticator.name;
}

/** Whether the login says a trusted browser token came with it, which skips its one-time code. */
export function saysTrusted(row: LoginRow): boolean {
  return row.trusted === 1;
}

/** Whether a login offers push approval on this device: only one registered by QR code takes push (LOGIN-05). */
export function offersPush(authenticator: { push: number }): boolean {
  return authenticator.push === 1;
}

/** The push waiting screen's countdown: the request's time left on the server's one clock (PUSH-05). */
export function pushRemainingMs(expiresAt: number, now: number): number {
  return Math.max(0, expiresAt - now);
}

/** Whether the login names the device being recovered, to be discarded: from its choice on, every step (REC-02). */
export function showsRecoveredDevice(state: LoginState): boolean {
  return state.startsWith('recovery-');
}

/** The recovery phone's digits the phone step shows: its last two (REC-03). */
export function phoneDigitsShown(phone: string): string {
  return phone.slice(-2);
}

/** The devices whose one-time passwords a login offers: every one registered, whichever a push waits on (LOGIN-06). */
export function otpOptions<T extends { readonly id: string }>(all: readonly T[], _pushWaitsOn?: string): readonly T[] {
  return all;
}

export function viewLogin(ctx: ServiceContext, loginId: string): Login {
  const { row, state } = currentLogin(ctx, loginId);
  const now = ctx.clock.now();
  const trustedBrowser = ctx.rules.saysTrusted(row);
  const login: Login = { loginId: row.id, state, createdAt: row.created_at, trustedBrowser };
  const push = row.push_request_id === null ? undefined : pushById(ctx, row.push_request_id);
  if (!BEFORE_SECOND_FACTOR.includes(state)) {
    const all = authenticatorRefs(ctx);
    const pushDevices = row.push_unreachable === 1 ? [] : all.filter(ctx.rules.offersPush);
    const ref = (a: Pick<AuthenticatorRow, 'id' | 'name'>) => ({
      authenticatorId: a.id,
      name: ctx.rules.optionName(ctx, a),
    });
    const otp = ctx.rules.otpOptions(all, state === 'push-wait' ? push?.authenticator_id : undefined);
    login.methods = { push: pushDevices.map(ref), otp: otp.map(ref) };
    if (row.push_unreachable === 1) login.pushService = 'unreachable';
    login.otpStepRemainingMs = ctx.rules.stepRemainingMs(now);
  }
  if (push && PUSH_STATES.includes(state)) {
    login.push = {
      requestId: push.id,
      authenticatorId: push.authenticator_id,
      status: statusAt(push, now),
      sentAt: push.sent_at,
      expiresAt: push.expires_at,
      remainingMs: ctx.rules.pushRemainingMs(push.expires_at, now),
    };
    if (push.number !== null) login.push.number = push.number;
  }
  const recovering = recoveringAuthenticator(ctx, row.recovery_authenticator_id);
  if (recovering?.recovery_phone && ctx.rules.showsRecoveredDevice(state)) {
    login.recovery = {
      authenticatorId: recovering.id,
      name: recovering.name,
      phoneLastDigits: ctx.rules.phoneDigitsShown(recovering.recovery_phone),
    };
  }
  const code = codeFor(ctx, `login:${row.id}`);
  if (code && CODE_STATES.includes(state)) login.code = ctx.rules.toCodeSent(code, now);
  if (state === 'logged-in' && ctx.rules.offersTwoFactorSetup(ctx)) login.setupOffer = true;
  return login;
}

function recoveringAuthenticator(ctx: ServiceContext, id: string | null): AuthenticatorRow | undefined {
  if (id === null) return undefined;
  return ctx.db.prepare('SELECT * FROM tfa_authenticators WHERE id = ?').get(id) as AuthenticatorRow | undefined;
}
