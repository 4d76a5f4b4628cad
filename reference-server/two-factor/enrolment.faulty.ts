/** The self-test's faulty variants of enrolment (enrolment.ts): after a migration, a confirmed app, its time. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { deleteAuthenticators } from './authenticators.js';

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
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
