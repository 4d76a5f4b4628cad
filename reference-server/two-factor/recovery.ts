/**
 * Recovery by SMS. The app registers its recovery phone number (seed 000 §6.3.1 step 6): an SMS code goes to the
 * number, and the digits typed back make it the authenticator's recovery phone. "Unable to login" (Appendix A,
 * §11.2) then uses it: choose the registered device to discard, confirm its recovery phone number (the screen shows
 * the last two digits), type the digits of the SMS code (valid 5 minutes; sending again voids the earlier code).
 * The device is then discarded, the login completes, and a new QR registration comes back to pair the app again.
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { Login } from '../../conformance/spec/protocol/two-factor-login.js';
import type { CodeSent, Registration } from '../../conformance/spec/protocol/two-factor.js';
import { authenticatorById, deleteAuthenticators } from './authenticators.js';
import { checkCode, checkCodeRow, issueCode, smsText, toCodeSent } from './codes.js';
import type { TwoFactorContext } from './context.js';
import { codeSent, loginFor, moveLogin } from './logins.js';
import { viewLogin } from './login-view.js';
import { createRegistration } from './registrations.js';
import type { AuthenticatorRow, CodeRow } from './rows.js';
import { throttled, throttledWith } from './throttle.js';

export async function setRecoveryPhone(
  ctx: TwoFactorContext,
  authenticator: AuthenticatorRow,
  phone: string,
): Promise<CodeSent> {
  const row = await issueCode(ctx, `phone:${authenticator.id}`, { channel: 'sms', to: phone, compose: smsText });
  return ctx.rules.phoneCodeSent(row, ctx.clock.now());
}

/** What the app is told of the code verifying its recovery phone: the code as kept, counting down. */
export function phoneCodeSent(row: CodeRow, now: number): CodeSent {
  return toCodeSent(row, now);
}

export function verifyRecoveryPhone(
  ctx: TwoFactorContext,
  authenticator: AuthenticatorRow,
  digits: string,
): { recoveryPhoneLastDigits: string } {
  const purpose = `phone:${authenticator.id}` as const;
  const phone = throttled(ctx, purpose, () =>
    ctx.db.transaction(() => {
      const code = checkCode(ctx, purpose, digits);
      ctx.rules.useUpCode(ctx, code);
      ctx.db
        .prepare('UPDATE tfa_authenticators SET recovery_phone = ? WHERE id = ?')
        .run(code.recipient, authenticator.id);
      return code.recipient;
    })(),
  );
  return { recoveryPhoneLastDigits: phone.slice(-2) };
}

export function loginRecovery(ctx: TwoFactorContext, loginId: string, authenticatorId: string): Login {
  loginFor(ctx, loginId, 'recovery');
  const authenticator = authenticatorById(ctx, authenticatorId);
  if (!ctx.rules.hasRecoveryPhone(authenticator)) throw new MbsError('recovery-phone-missing');
  ctx.db.transaction(() => moveLogin(ctx, loginId, 'recovery-phone', authenticator.id))();
  return viewLogin(ctx, loginId);
}

export async function loginRecoveryPhone(ctx: TwoFactorContext, loginId: string, phone: string): Promise<Login> {
  const authenticator = recovering(ctx, loginId, 'recovery-phone');
  if (!ctx.rules.isRecoveryPhone(phone, authenticator)) throw new MbsError('recovery-phone-mismatch');
  await issueCode(ctx, `login:${loginId}`, { channel: 'sms', to: phone, compose: smsText });
  codeSent(ctx, loginId, 'recovery-code', ['recovery-phone', 'recovery-code']);
  return viewLogin(ctx, loginId);
}

export async function loginRecoveryCode(ctx: TwoFactorContext, loginId: string, digits: string): Promise<Login> {
  const counting = ctx.rules.failureCount(ctx, 'sms');
  // Read before anything else the guess reads, and awaited only when asynchronous: nothing read after waits on it.
  const count = counting instanceof Promise ? await counting : counting;
  const authenticator = recovering(ctx, loginId, 'recovery-code');
  const read = ctx.rules.codeToCheck(ctx, `login:${loginId}`);
  // Awaited only when the read is asynchronous: a read at once leaves nothing to run before the check and use.
  const row = read instanceof Promise ? await read : read;
  const registration = throttledWith(ctx, 'sms', count, () =>
    ctx.db.transaction(() => {
      const code = checkCodeRow(ctx, row, digits);
      ctx.rules.discardRecovered(ctx, authenticator.id);
      moveLogin(ctx, loginId, 'logged-in');
      ctx.rules.useUpCode(ctx, code);
      return ctx.rules.recoveredRegistration(ctx);
    })(),
  );
  return { ...viewLogin(ctx, loginId), registration };
}

/** Whether a device can be recovered by SMS: only one whose recovery phone was registered (REC-10). */
export function hasRecoveryPhone(authenticator: AuthenticatorRow): boolean {
  return authenticator.recovery_phone !== null;
}

/** Whether the typed number is the authenticator's recovery phone: only that number gets an SMS code. */
export function isRecoveryPhone(phone: string, authenticator: AuthenticatorRow): boolean {
  return phone === authenticator.recovery_phone;
}

/** The QR registration a recovery answers with, to pair the app again: a registration like any other. */
export function recoveredRegistration(ctx: TwoFactorContext): Registration {
  return createRegistration(ctx);
}

/** Recovery discards the device it recovered: no more push requests, its one-time passwords refused. */
export function discardRecovered(ctx: TwoFactorContext, authenticatorId: string): void {
  deleteAuthenticators(ctx, [authenticatorId]);
}

function recovering(ctx: TwoFactorContext, loginId: string, action: 'recovery-phone' | 'recovery-code') {
  const row = loginFor(ctx, loginId, action);
  return authenticatorById(ctx, row.recovery_authenticator_id ?? '');
}
