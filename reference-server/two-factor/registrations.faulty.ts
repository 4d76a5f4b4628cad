/** The self-test's faulty variants of registrations (registrations.ts): tokens, secrets, the otpauth URI, the QR code's. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const REGISTRATIONS_FAULTS = {
  'registration-completable-twice': {
    // Never marks a registration used, so its token or secret registers a second authenticator.
    markUsed: () => () => undefined,
  },
  'registration-lives-11-minutes': {
    // A registration token outlives a pairing token by a minute.
    registrationExpiry: (rule) => (ctx, issuedAt) => rule(ctx, issuedAt) + 60_000,
  },
  'account-label-generic': {
    // Names every registered account "Account", whatever the desktop machine is called.
    defaultAccountLabel: () => () => 'Account',
  },
  'registration-expiry-overstated': {
    // Tells the desktop, and the QR code, a minute more than the token is kept.
    registrationExpiry: (rule) => (ctx, issuedAt, told) => rule(ctx, issuedAt, told) + (told ? 60_000 : 0),
  },
  'registration-qr-expiry-differs': {
    // The QR code's expires is a minute later than the answer's expiresAt, which is right.
    registrationExpiry: (rule) => (ctx, issuedAt, told) => rule(ctx, issuedAt, told) + (told === 'qr' ? 60_000 : 0),
  },
  'open-registration-secret-reused': {
    // Keeps the QR code's secret steady while Add is open: a new registration replaces the open one, with its secret.
    registrationSecret: (rule) => (ctx) => {
      const open = ctx.db
        .prepare('SELECT id, secret FROM tfa_registrations WHERE used_at IS NULL ORDER BY created_at DESC, rowid DESC')
        .get() as { id: string; secret: string } | undefined;
      if (!open) return rule(ctx);
      ctx.db.prepare('DELETE FROM tfa_registrations WHERE id = ?').run(open.id);
      return open.secret;
    },
  },
  'secret-key-32-characters': {
    // Follows RFC 4226's 160 bits instead of the seed: a secret key of 32 base32 characters.
    registrationSecret: (rule) => (ctx) => `${rule(ctx)}${rule(ctx)}`,
  },
  'otpauth-issuer-parameter-missing': {
    // Names the issuer in the label only, as older authenticators wanted, without the issuer parameter.
    otpauthUriOf: (rule) => (p) => rule(p).replace(/&issuer=[^&]*/, ''),
  },
  'registration-qr-previous-secret': {
    // Draws each QR code from the registration issued before (an image cached under one name): the QR code carries
    // the previous secret key, not the one the answer and Show Secret Key state.
    qrOtpauthUri: (rule) => (ctx, otpauthUri) => {
      const previous = ctx.db
        .prepare('SELECT secret FROM tfa_registrations ORDER BY created_at DESC, rowid DESC LIMIT 1 OFFSET 1')
        .get() as { secret: string } | undefined;
      const uri = rule(ctx, otpauthUri);
      return previous ? uri.replace(/([?&]secret=)[^&]*/, `$1${previous.secret}`) : uri;
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
