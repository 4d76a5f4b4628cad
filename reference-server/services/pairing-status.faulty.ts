/** The self-test's faulty variants of a pairing's status (pairing-status.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const PAIRING_STATUS_FAULTS = {
  'pairing-status-stays-waiting': {
    // A used token reads as waiting, naming no device, until its ten minutes are up: the dialog never says paired.
    pairingStatus: (rule) => (ctx, pairingId) => {
      const { deviceId: _used, ...status } = rule(ctx, pairingId);
      if (status.status !== 'paired') return status;
      return { ...status, status: ctx.clock.now() >= status.expiresAt ? 'expired' : 'waiting' };
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
