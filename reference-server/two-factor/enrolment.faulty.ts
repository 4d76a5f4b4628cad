/**
 * The self-test's faulty variants of enrolment (enrolment.ts): migration, kinds, times, a secret key's proof and
 * lookup, push.
 */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { deleteAuthenticators } from './authenticators.js';
import type { RegistrationRow } from './rows.js';
import { newTotpSecret, TOTP_PERIOD_MS } from './totp.js';

export const ENROLMENT_FAULTS = {
  'migration-drops-original-totp': {
    // Removes the original's authenticators when the replacement re-pairs, its one-time passwords with them.
    demoteOriginal: () => (ctx, originalDeviceId) => {
      const rows = ctx.db.prepare('SELECT id FROM tfa_authenticators WHERE device_id = ?').all(originalDeviceId);
      deleteAuthenticators(
        ctx,
        (rows as { id: string }[]).map((r) => r.id),
      );
    },
  },
  'migration-push-stays-on-original': {
    // The replacement registers for push, and the original keeps push too.
    demoteOriginal: () => () => undefined,
  },
  'confirmed-app-listed-as-own': {
    // An authenticator app confirmed on the desktop is recorded as the app's own registration.
    confirmedKind: () => () => 'app',
  },
  'registered-at-wall-clock': {
    // Stamps a new authenticator with the machine's own time, not the clock every other decision reads.
    registeredAtNow: () => () => Date.now(),
  },
  'secret-key-code-unchecked': {
    // Trusts the app to have checked the code: a registration by secret key completes with any six digits.
    proveSecret: (rule) => (ctx, secret, code) => {
      try {
        return rule(ctx, secret, code);
      } catch {
        return Math.floor(ctx.clock.now() / TOTP_PERIOD_MS);
      }
    },
  },
  'secret-key-registration-takes-push': {
    // Registers every app for push, however it registered: one given only the secret key is sent push requests.
    pushBySecretKey: () => () => true,
  },
  'secret-key-finds-oldest-registration': {
    // Finds the registration a typed secret key completes by the username alone, the oldest still open: once Add was
    // clicked more than once, the secret key shown last is proven against another one's and refused.
    registrationBySecret: () => (ctx, _secret, username) =>
      ctx.db
        .prepare('SELECT * FROM tfa_registrations WHERE username = ? AND used_at IS NULL ORDER BY created_at, rowid')
        .get(username) as RegistrationRow | undefined,
  },
  'scanned-account-rekeyed': {
    // Gives the app that scans the QR code a secret key of its own, as if a key per authenticator were safer: the
    // QR code and the secret key the desktop showed to be saved make codes the server refuses on a new phone.
    scannedAccountSecret: () => () => newTotpSecret(),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
