/**
 * The app registers its recovery phone number (seed 000 §6.3.1 step 6): an SMS code goes to the number, and the
 * digits typed back make it this authenticator's recovery phone, the one "Unable to login" later asks for.
 */
import type { CodeSent } from '../../conformance/spec/protocol/two-factor.js';
import { checkCode, deleteCode, issueCode, smsText, toCodeSent } from './codes.js';
import type { TwoFactorContext } from './context.js';
import type { AuthenticatorRow } from './rows.js';
import { throttled } from './throttle.js';

export async function setRecoveryPhone(
  ctx: TwoFactorContext,
  authenticator: AuthenticatorRow,
  phone: string,
): Promise<CodeSent> {
  const row = await issueCode(ctx, `phone:${authenticator.id}`, { channel: 'sms', to: phone, compose: smsText });
  return toCodeSent(row, ctx.clock.now());
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
      deleteCode(ctx, purpose);
      ctx.db
        .prepare('UPDATE tfa_authenticators SET recovery_phone = ? WHERE id = ?')
        .run(code.recipient, authenticator.id);
      return code.recipient;
    })(),
  );
  return { recoveryPhoneLastDigits: phone.slice(-2) };
}
