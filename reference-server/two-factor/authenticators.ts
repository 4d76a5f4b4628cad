/**
 * Registered authenticators: the app's credential, the desktop's list and settings, removal and reset, and
 * one-time password acceptance across them. Removing an authenticator voids its pending push requests and codes.
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { TwoFactorSettings } from '../../conformance/spec/protocol/two-factor.js';
import { hashSecret, type ServiceContext } from '../services/context.js';
import type { TwoFactorContext } from './context.js';
import { toAuthenticator, type AuthenticatorRow } from './rows.js';
import { offerTwoFactorSetupAgain } from './setup-offer.js';
import { throttled } from './throttle.js';

/** The authenticator a bearer key belongs to; `authenticator-unauthorized` for a missing, unknown or removed key. */
export function authenticateAuthenticator(ctx: ServiceContext, authorization: string | undefined): AuthenticatorRow {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization ?? '');
  const row = match?.[1]
    ? (ctx.db.prepare('SELECT * FROM tfa_authenticators WHERE key_hash = ?').get(hashSecret(match[1])) as
        AuthenticatorRow | undefined)
    : undefined;
  if (!row) throw new MbsError('authenticator-unauthorized');
  return row;
}

export function allAuthenticators(ctx: ServiceContext): AuthenticatorRow[] {
  return ctx.db.prepare('SELECT * FROM tfa_authenticators ORDER BY registered_at, rowid').all() as AuthenticatorRow[];
}

/** Whether any authenticator is registered, and whether any takes push: one row however many are registered. */
export function authenticatorCounts(ctx: ServiceContext): { any: boolean; push: boolean } {
  const row = ctx.db
    .prepare('SELECT count(*) AS n, coalesce(max(push = 1), 0) AS push FROM tfa_authenticators')
    .get() as { n: number; push: number };
  return { any: row.n > 0, push: row.push === 1 };
}

/** The id, name and push flag of every authenticator, in registration order: what a login lists to choose from. */
export function authenticatorRefs(ctx: ServiceContext): { id: string; name: string; push: number }[] {
  return ctx.db.prepare('SELECT id, name, push FROM tfa_authenticators ORDER BY registered_at, rowid').all() as {
    id: string;
    name: string;
    push: number;
  }[];
}

export function authenticatorById(ctx: ServiceContext, id: string): AuthenticatorRow {
  const row = ctx.db.prepare('SELECT * FROM tfa_authenticators WHERE id = ?').get(id) as AuthenticatorRow | undefined;
  if (!row) throw new MbsError('authenticator-not-found', `No registered authenticator ${id}.`);
  return row;
}

export function settingsOf(ctx: TwoFactorContext): TwoFactorSettings {
  const authenticators = allAuthenticators(ctx).map(toAuthenticator);
  const lock = ctx.db.prepare('SELECT email FROM tfa_password_lock WHERE id = 1').get() as
    { email: string } | undefined;
  return {
    enabled: authenticators.length > 0,
    authenticators,
    passwordLock: ctx.rules.lockStatus(lock),
    pushNumberMatching: ctx.numberMatching,
  };
}

/** Forgets the authenticators' push requests and codes; run inside the transaction that removes or demotes them. */
export function voidPushes(ctx: ServiceContext, authenticatorIds: readonly string[]): void {
  const voidPending = ctx.db.prepare(
    "UPDATE tfa_push_requests SET status = 'voided' WHERE authenticator_id = ? AND status = 'pending'",
  );
  for (const id of authenticatorIds) voidPending.run(id);
}

export function deleteAuthenticators(ctx: ServiceContext, ids: readonly string[]): void {
  voidPushes(ctx, ids);
  for (const id of ids) {
    ctx.db.prepare('DELETE FROM tfa_codes WHERE purpose = ?').run(`phone:${id}`);
    ctx.db.prepare('DELETE FROM tfa_authenticators WHERE id = ?').run(id);
  }
}

export function removeAuthenticator(ctx: ServiceContext, id: string): void {
  authenticatorById(ctx, id);
  ctx.db.transaction(() => deleteAuthenticators(ctx, [ctx.rules.authenticatorToRemove(ctx, id)]))();
}

/** The authenticator Remove removes: the one it was clicked for (TFA-04). */
export function authenticatorToRemove(_ctx: ServiceContext, id: string): string {
  return id;
}

/** What a one-time password is for: a login, or confirming "Reset two-factor authentication settings". */
export type OtpPurpose = 'login' | 'reset';

/**
 * Which time steps a code of this authenticator may be from: one either side of now, after the last accepted,
 * whatever the code is for (`_purpose`): a code that logged in never resets 2FA, nor the other way round.
 */
export function otpWindow(
  row: AuthenticatorRow,
  _purpose: OtpPurpose = 'login',
): { lastTimeStep: number; stepsBefore: number; stepsAfter: number } {
  return { lastTimeStep: row.last_time_step, stepsBefore: 1, stepsAfter: 1 };
}

/**
 * Accepts a one-time password from any of `candidates` and records its time step, so that it is never accepted
 * again; `otp-replayed` when the code is right but already used, `otp-invalid` when no candidate made it.
 */
export function acceptOtp(
  ctx: ServiceContext,
  code: string,
  candidates: readonly AuthenticatorRow[],
  purpose: OtpPurpose = 'login',
): AuthenticatorRow {
  const now = ctx.clock.now();
  let replayed = false;
  for (const row of candidates) {
    const window = ctx.rules.otpWindow(row, purpose);
    const check = ctx.rules.checkTotp(row.secret, code, now, window.lastTimeStep, [
      window.stepsBefore,
      window.stepsAfter,
    ]);
    if (check.result === 'accepted') {
      ctx.db.prepare('UPDATE tfa_authenticators SET last_time_step = ? WHERE id = ?').run(check.timeStep, row.id);
      return { ...row, last_time_step: check.timeStep };
    }
    replayed ||= check.result === 'replayed';
  }
  throw new MbsError(replayed ? 'otp-replayed' : 'otp-invalid');
}

/**
 * "Reset two-factor authentication settings" (seed 002): confirmed by a valid one-time password from any
 * registered authenticator, it removes them all, with their pending push requests, open registrations and trusted
 * browsers. 2FA is then off until an authenticator is registered again. With none registered, no code is valid.
 */
export function resetTwoFactor(ctx: TwoFactorContext, code: string): TwoFactorSettings {
  throttled(ctx, 'otp', () =>
    ctx.db.transaction(() => {
      const all = allAuthenticators(ctx);
      const confirming = acceptOtp(ctx, code, all, 'reset');
      deleteAuthenticators(
        ctx,
        ctx.rules.resetRemoves(all, confirming).map((a) => a.id),
      );
      ctx.rules.forgetOnReset(ctx);
      offerTwoFactorSetupAgain(ctx);
    })(),
  );
  return settingsOf(ctx);
}

/** The authenticators a reset removes: every one registered, whichever device's code confirmed it (REC-11). */
export function resetRemoves(
  all: readonly AuthenticatorRow[],
  _confirming: AuthenticatorRow,
): readonly AuthenticatorRow[] {
  return all;
}

/** What a reset leaves behind besides the authenticators: no open registration, no trusted browser. */
export function forgetOnReset(ctx: ServiceContext): void {
  ctx.db.prepare('DELETE FROM tfa_registrations WHERE used_at IS NULL').run();
  ctx.db.prepare('DELETE FROM tfa_trusted_browsers').run();
}
