/**
 * The first login's offer to set up 2FA (seed 000 §1.3, TFA-01): "Upon initial login, you will have an option to
 * set up your two-factor authentication feature. However, you may skip the setup and do it later." The offer stands
 * until it is answered, by registering an authenticator or by skipping it, and stands again after a reset, which
 * leaves 2FA as it was before any set-up. The answer is one row of the meta table.
 */
import type { ServiceContext } from '../services/context.js';

const KEY = 'tfa-setup-offer';
type Answer = 'set-up' | 'skipped';

function answer(ctx: ServiceContext, value: Answer): void {
  ctx.db
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?')
    .run(KEY, value, value);
}

/** Whether a login that ends logged in now carries the offer: unanswered, and no authenticator registered. */
export function offersTwoFactorSetup(ctx: ServiceContext): boolean {
  if (ctx.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(KEY)) return false;
  return ctx.db.prepare('SELECT 1 FROM tfa_authenticators LIMIT 1').get() === undefined;
}

/** "Skip": later logins no longer offer it; Settings > Authentication still sets 2FA up. */
export function skipTwoFactorSetup(ctx: ServiceContext): void {
  answer(ctx, 'skipped');
}

/** An authenticator was registered: the set-up is done, whether through the offer or the settings. */
export function setUpTwoFactor(ctx: ServiceContext): void {
  answer(ctx, 'set-up');
}

/** A reset leaves 2FA as it was before any set-up: the next login offers it again. */
export function offerTwoFactorSetupAgain(ctx: ServiceContext): void {
  ctx.db.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
}
