/**
 * The desktop login flow (seed 000 §1.3, Appendix A; seed 002): password lock, choice of method, push approval or
 * a one-time password. Each action checks the login's state first; a refused action changes nothing but, for a
 * wrong password or code, the failure count.
 */
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import type { Login, LoginOtpRequest, LoginState } from '../../conformance/spec/protocol/two-factor-login.js';
import { hashSecret, newId, newSecret, type ServiceContext } from '../services/context.js';
import { acceptOtp, allAuthenticators, authenticatorById, authenticatorCounts } from './authenticators.js';
import { TRUSTED_BROWSER_TTL_MS, type TwoFactorContext } from './context.js';
import type { AuthenticatorRow } from './rows.js';
import { assertAllowed, type LoginAction } from './login-state.js';
import { currentLogin, viewLogin } from './login-view.js';
import { checkPassword, lockOf } from './password-lock.js';
import { voidLoginPushes } from './push.js';
import { throttledAsync, throttledWith } from './throttle.js';

/** The login, if `action` is possible in its current state. */
export function loginFor(ctx: ServiceContext, loginId: string, action: LoginAction) {
  const login = currentLogin(ctx, loginId);
  assertAllowed(login.state, action, ctx.rules.mayAct);
  return login.row;
}

/**
 * Where the first factor leads. When a device takes push requests the push service is asked whether it can be
 * reached; when it cannot (its ports blocked, NET-09) the login offers one-time passwords only and says why.
 */
async function secondFactor(ctx: TwoFactorContext, trusted: boolean, afterPassword: boolean) {
  const counts = authenticatorCounts(ctx);
  const pushDevices = counts.push;
  const unreachable = pushDevices && !trusted && !(await ctx.rules.pushServiceReachable(ctx.pushGateway));
  const push = pushDevices && !unreachable;
  const state = ctx.rules.afterFirstFactor({ enabled: counts.any, push, trusted, afterPassword });
  return { state, pushUnreachable: unreachable ? 1 : 0 };
}

/** Moves the login on; leaving the push wait or the recovery steps forgets their request and code. */
export function moveLogin(
  ctx: ServiceContext,
  loginId: string,
  state: LoginState,
  recoveryAuthenticatorId: string | null = null,
  voidPushes = true,
): void {
  if (voidPushes) voidLoginPushes(ctx, loginId);
  ctx.db.prepare('DELETE FROM tfa_codes WHERE purpose = ?').run(`login:${loginId}`);
  ctx.db
    .prepare(
      `UPDATE tfa_logins SET state = ?, push_request_id = ?, recovery_authenticator_id = ?, completed_at = ?
       WHERE id = ?`,
    )
    .run(state, null, recoveryAuthenticatorId, state === 'logged-in' ? ctx.clock.now() : null, loginId);
}

/** A code went out: the login shows its step, unless it moved on while the gateway worked (then it stays there). */
export function codeSent(ctx: ServiceContext, loginId: string, to: LoginState, from: readonly LoginState[]): void {
  const states = from.map(() => '?').join(', ');
  ctx.db.prepare(`UPDATE tfa_logins SET state = ? WHERE id = ? AND state IN (${states})`).run(to, loginId, ...from);
}

export async function startLogin(ctx: TwoFactorContext, browserToken: string | undefined): Promise<Login> {
  const now = ctx.clock.now();
  const trusted = ctx.rules.trustedAtStart(ctx, browserToken, now);
  const next = lockOf(ctx)
    ? { state: 'password' as const, pushUnreachable: 0 }
    : await secondFactor(ctx, trusted, false);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO tfa_logins (id, state, created_at, trusted, completed_at, push_unreachable)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      next.state,
      ctx.rules.loginCreatedAt(now),
      trusted ? 1 : 0,
      next.state === 'logged-in' ? now : null,
      next.pushUnreachable,
    );
  return viewLogin(ctx, id);
}

/** Whether a login starts trusted: it came with a token "Trust this browser" issued, not yet expired (DESK-13). */
export function trustedAtStart(ctx: ServiceContext, browserToken: string | undefined, now: number): boolean {
  return (
    browserToken !== undefined &&
    ctx.db
      .prepare('SELECT 1 FROM tfa_trusted_browsers WHERE token_hash = ? AND expires_at > ?')
      .get(hashSecret(browserToken), now) !== undefined
  );
}

/** A login's createdAt: the time the server's one clock read as it started, the conformance clock when it runs. */
export function loginCreatedAt(now: number): number {
  return now;
}

export async function loginPassword(ctx: TwoFactorContext, loginId: string, password: string): Promise<Login> {
  const row = loginFor(ctx, loginId, 'password');
  await throttledAsync(ctx, 'password', () => checkPassword(ctx, password));
  const next = await secondFactor(ctx, row.trusted === 1, true);
  ctx.db.transaction(() => {
    moveLogin(ctx, loginId, next.state);
    ctx.db.prepare('UPDATE tfa_logins SET push_unreachable = ? WHERE id = ?').run(next.pushUnreachable, loginId);
  })();
  return viewLogin(ctx, loginId);
}

/**
 * Sends a push request, or resends: the new request voids the earlier one. The push service takes it first; one
 * that is down, slow or failing is `gateway-failed`, and the login stays as it was with nothing recorded.
 */
export async function loginPush(ctx: TwoFactorContext, loginId: string, authenticatorId: string): Promise<Login> {
  loginFor(ctx, loginId, 'push');
  const authenticator = authenticatorById(ctx, authenticatorId);
  if (authenticator.push !== 1) throw new MbsError('push-unavailable');
  const machine = ctx.identity.name;
  await ctx.pushGateway.deliver({
    channel: 'push',
    to: authenticator.id,
    loginId,
    machine,
    text: `Login request from "${machine}"`,
  });
  ctx.db.transaction(() => {
    // Checked again: the login may have moved on while the push service worked.
    loginFor(ctx, loginId, 'push');
    // Sending the push voids the earlier request (Resend), so moving the login on leaves that to it.
    moveLogin(ctx, loginId, 'push-wait', null, false);
    const request = ctx.rules.sendLoginPush(ctx, loginId, authenticator);
    ctx.db.prepare('UPDATE tfa_logins SET push_request_id = ? WHERE id = ?').run(request.id, loginId);
  })();
  return viewLogin(ctx, loginId);
}

/** A one-time password; with trustBrowser, a token that lets this browser skip the code next time (seed 002). */
export async function loginOtp(
  ctx: ServiceContext,
  loginId: string,
  request: Static<typeof LoginOtpRequest>,
): Promise<Login> {
  const counting = ctx.rules.failureCount(ctx, 'otp');
  // Read before anything else the guess reads, and awaited only when asynchronous: nothing read after waits on it.
  const count = counting instanceof Promise ? await counting : counting;
  loginFor(ctx, loginId, 'otp');
  const read = ctx.rules.otpCandidates(ctx, request.authenticatorId);
  // Awaited only when the read is asynchronous: a read at once leaves nothing to run before the check and write.
  const candidates = read instanceof Promise ? await read : read;
  const token = throttledWith(ctx, 'otp', count, () =>
    ctx.db.transaction(() => {
      acceptOtp(ctx, request.code, candidates);
      moveLogin(ctx, loginId, 'logged-in');
      return request.trustBrowser ? trustBrowser(ctx) : undefined;
    })(),
  );
  const login = viewLogin(ctx, loginId);
  return token === undefined ? login : { ...login, trustedBrowserToken: token };
}

/**
 * The authenticators a login's code may be from, with the step each last accepted. Read in the same turn as the
 * check against them and the write of the step accepted, nothing awaited between: two logins sent the same code at
 * once must not both read the step from before either wrote it (TOTP-12).
 */
export function otpCandidates(
  ctx: ServiceContext,
  authenticatorId: string | undefined,
): AuthenticatorRow[] | Promise<AuthenticatorRow[]> {
  return authenticatorId === undefined ? allAuthenticators(ctx) : [authenticatorById(ctx, authenticatorId)];
}

/** How long "Trust this browser" lasts. */
export function trustedBrowserLifetimeMs(): number {
  return TRUSTED_BROWSER_TTL_MS;
}

function trustBrowser(ctx: ServiceContext): string {
  const token = newSecret();
  const now = ctx.clock.now();
  ctx.db
    .prepare('INSERT INTO tfa_trusted_browsers (token_hash, created_at, expires_at) VALUES (?, ?, ?)')
    .run(hashSecret(token), now, now + ctx.rules.trustedBrowserLifetimeMs());
  return token;
}
