/**
 * "Unable to login" (seed 000 Appendix A, §11.2): choose the registered device to discard, confirm its recovery
 * phone number (the screen shows the last two digits), type the digits of the SMS code (valid 5 minutes; sending
 * again voids the earlier code). The device is then discarded, the login completes, and a new QR registration
 * comes back so that the app can be paired again.
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { Login } from '../../conformance/spec/protocol/two-factor-login.js';
import { authenticatorById, deleteAuthenticators } from './authenticators.js';
import { checkCode, issueCode, smsText } from './codes.js';
import type { TwoFactorContext } from './context.js';
import { loginFor, moveLogin } from './logins.js';
import { viewLogin } from './login-view.js';
import { createRegistration } from './registrations.js';
import { throttled } from './throttle.js';

export function loginRecovery(ctx: TwoFactorContext, loginId: string, authenticatorId: string): Login {
  loginFor(ctx, loginId, 'recovery');
  const authenticator = authenticatorById(ctx, authenticatorId);
  if (authenticator.recovery_phone === null) throw new MbsError('recovery-phone-missing');
  ctx.db.transaction(() => moveLogin(ctx, loginId, 'recovery-phone', authenticator.id))();
  return viewLogin(ctx, loginId);
}

export async function loginRecoveryPhone(ctx: TwoFactorContext, loginId: string, phone: string): Promise<Login> {
  const authenticator = recovering(ctx, loginId, 'recovery-phone');
  if (phone !== authenticator.recovery_phone) throw new MbsError('recovery-phone-mismatch');
  await issueCode(ctx, `login:${loginId}`, { channel: 'sms', to: phone, compose: smsText });
  // The login may have moved on while the gateway worked; then it stays where it went.
  ctx.db
    .prepare(
      "UPDATE tfa_logins SET state = 'recovery-code' WHERE id = ? AND state IN ('recovery-phone', 'recovery-code')",
    )
    .run(loginId);
  return viewLogin(ctx, loginId);
}

export function loginRecoveryCode(ctx: TwoFactorContext, loginId: string, digits: string): Login {
  const authenticator = recovering(ctx, loginId, 'recovery-code');
  const registration = throttled(ctx, 'sms', () =>
    ctx.db.transaction(() => {
      checkCode(ctx, `login:${loginId}`, digits);
      deleteAuthenticators(ctx, [authenticator.id]);
      moveLogin(ctx, loginId, 'logged-in');
      return createRegistration(ctx);
    })(),
  );
  return { ...viewLogin(ctx, loginId), registration };
}

function recovering(ctx: TwoFactorContext, loginId: string, action: 'recovery-phone' | 'recovery-code') {
  const row = loginFor(ctx, loginId, action);
  return authenticatorById(ctx, row.recovery_authenticator_id ?? '');
}
