/** The self-test's faulty variants of recovery by SMS (recovery.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { SMS_CODE_TTL_MS } from './context.js';

export const RECOVERY_FAULTS = {
  'recovery-keeps-device': {
    // The login completes and a new registration comes back, but the recovered device stays registered.
    discardRecovered: () => () => undefined,
  },
  'wrong-phone-gets-sms': {
    // Sends the SMS code to whatever number is typed, the registered one or not.
    isRecoveryPhone: () => () => true,
  },
  'recovery-removes-backup-device': {
    // Discards the recovered phone's mobile backup with its 2FA registration, so no migration can take it over.
    discardRecovered: (rule) => (ctx, authenticatorId) => {
      const row = ctx.db.prepare('SELECT device_id FROM tfa_authenticators WHERE id = ?').get(authenticatorId) as
        { device_id: string | null } | undefined;
      rule(ctx, authenticatorId);
      if (!row?.device_id) return;
      for (const table of ['items', 'backups', 'snapshots', 'uploads']) {
        ctx.db.prepare(`DELETE FROM ${table} WHERE device_id = ?`).run(row.device_id);
      }
      ctx.db.prepare('DELETE FROM devices WHERE id = ?').run(row.device_id);
    },
  },
  'recovery-registration-secret-differs': {
    // Answers a recovery with a registration whose secret key is not the one its otpauth URI and QR code carry.
    recoveredRegistration: (rule) => (ctx) => {
      const registration = rule(ctx);
      const last = registration.secret.at(-1) === 'A' ? 'B' : 'A';
      return { ...registration, secret: `${registration.secret.slice(0, -1)}${last}` };
    },
  },
  'recovery-phone-code-expiry-overstated': {
    // Tells the app its recovery phone's code lasts 10 minutes, as expiresAt and countdown, while it is kept for 5.
    phoneCodeSent: (rule) => (row, now) => {
      const told = rule(row, now);
      return { ...told, expiresAt: told.expiresAt + SMS_CODE_TTL_MS, remainingMs: told.remainingMs + SMS_CODE_TTL_MS };
    },
  },
  'recovery-without-phone': {
    // Lets any registered device be chosen for recovery, with or without a recovery phone.
    hasRecoveryPhone: () => () => true,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
