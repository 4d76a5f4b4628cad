/**
 * "Reset two-factor authentication settings" (seed 002): confirmed by a valid one-time password from any
 * registered authenticator, it removes them all, with their pending push requests, open registrations and trusted
 * browsers. 2FA is then off until an authenticator is registered again. With none registered, no code is valid.
 */
import type { TwoFactorSettings } from '../../conformance/spec/protocol/two-factor.js';
import { acceptOtp, allAuthenticators, deleteAuthenticators, settingsOf } from './authenticators.js';
import type { TwoFactorContext } from './context.js';
import { throttled } from './throttle.js';

export function resetTwoFactor(ctx: TwoFactorContext, code: string): TwoFactorSettings {
  throttled(ctx, 'otp', () =>
    ctx.db.transaction(() => {
      const all = allAuthenticators(ctx);
      acceptOtp(ctx, code, all);
      deleteAuthenticators(
        ctx,
        all.map((a) => a.id),
      );
      ctx.db.prepare('DELETE FROM tfa_registrations WHERE used_at IS NULL').run();
      ctx.db.prepare('DELETE FROM tfa_trusted_browsers').run();
    })(),
  );
  return settingsOf(ctx);
}
