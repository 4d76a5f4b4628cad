/**
 * Password lock "Forgot password" (seed 000 Appendix A): the license e-mail address gets a code valid 24 hours
 * less one second, whose e-mail states when it expires; its digits and a new password, typed twice, reset the
 * lock, and the login asks for the new password.
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { Login } from '../../conformance/spec/protocol/two-factor-login.js';
import type { ServiceContext } from '../services/context.js';
import { checkCodeRow, issueCode } from './codes.js';
import { issuerOf, type TwoFactorContext } from './context.js';
import { codeSent, loginFor, moveLogin } from './logins.js';
import { viewLogin } from './login-view.js';
import { lockOf, storePassword } from './password-lock.js';
import { throttledWith } from './throttle.js';

/** `05/11/2020 06:22:34 UTC`: the seed's day-first format, in UTC. */
export function formatExpiry(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)} UTC`;
}

/**
 * Who the recovery e-mail comes from: the password-lock notification sender, named as in the seed's sample ("From:
 * PNS <…>", its address redacted there); the address is the reference server's own and reaches no one.
 */
export const PASSWORD_LOCK_SENDER = 'PNS <pns@reference-server.invalid>';

/** The recovery e-mail, worded as the seed's sample: its sender, its subject, then the code to type in the program. */
export function recoveryEmail(
  issuer: string,
  code: string,
  expiresAt: number,
): { from: string; subject: string; text: string } {
  return {
    from: PASSWORD_LOCK_SENDER,
    subject: `Recover Password Lock for ${issuer}`,
    text: [
      'Dear user,',
      '',
      `Please enter the following verification code in ${issuer} to continue the recovery process. ` +
        `The code will expire at ${formatExpiry(expiresAt - 1000)}.`,
      '',
      code,
    ].join('\n'),
  };
}

/** Whether the address typed at Forgot password is the license's, the only one a code goes to (PWL-04). */
export function isLicenseEmail(typed: string, license: string): boolean {
  return typed.toLowerCase() === license.toLowerCase();
}

/** Whether the new password typed twice is the same both times: two entries that differ reset nothing (PWL-09). */
export function confirmsPassword(newPassword: string, confirmPassword: string): boolean {
  return newPassword === confirmPassword;
}

/** The reset's new password replaces the lock's: the new one opens the desktop, the old one no longer (PWL-10). */
export function resetLockPassword(ctx: ServiceContext, newPassword: string): void {
  storePassword(ctx, newPassword);
}

export async function loginForgotPassword(ctx: TwoFactorContext, loginId: string, email: string): Promise<Login> {
  loginFor(ctx, loginId, 'forgot-password');
  const lock = lockOf(ctx);
  if (!lock || !ctx.rules.isLicenseEmail(email, lock.email)) throw new MbsError('email-mismatch');
  const issuer = issuerOf(ctx);
  await issueCode(ctx, `login:${loginId}`, {
    channel: 'email',
    to: lock.email,
    compose: (code, expiresAt) => ctx.rules.recoveryEmail(issuer, code, expiresAt),
  });
  codeSent(ctx, loginId, 'forgot-password', ['password', 'forgot-password']);
  return viewLogin(ctx, loginId);
}

export async function loginResetPassword(
  ctx: TwoFactorContext,
  loginId: string,
  request: { digits: string; newPassword: string; confirmPassword: string },
): Promise<Login> {
  const counting = ctx.rules.failureCount(ctx, 'email');
  // Read before anything else the guess reads, and awaited only when asynchronous: nothing read after waits on it.
  const count = counting instanceof Promise ? await counting : counting;
  loginFor(ctx, loginId, 'reset-password');
  if (!ctx.rules.confirmsPassword(request.newPassword, request.confirmPassword))
    throw new MbsError('password-mismatch');
  const read = ctx.rules.codeToCheck(ctx, `login:${loginId}`);
  // Awaited only when the read is asynchronous: a read at once leaves nothing to run before the check and use.
  const row = read instanceof Promise ? await read : read;
  throttledWith(ctx, 'email', count, () =>
    ctx.db.transaction(() => {
      const code = checkCodeRow(ctx, row, request.digits);
      ctx.rules.resetLockPassword(ctx, request.newPassword);
      moveLogin(ctx, loginId, 'password');
      ctx.rules.useUpCode(ctx, code);
    })(),
  );
  return viewLogin(ctx, loginId);
}
