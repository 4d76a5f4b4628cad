/**
 * Where a pairing the desktop started stands: still waiting for its QR code to be scanned, used by a device (which
 * one, so the dialog names exactly the device its token paired), or expired unused.
 */
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import type { PairingStatus } from '../../conformance/spec/protocol/pairing.js';
import type { ServiceContext } from './context.js';

interface PairingRow {
  id: string;
  mode: 'add' | 'migrate';
  expires_at: number;
  used_at: number | null;
  device_id: string | null;
}

export function pairingStatus(ctx: ServiceContext, pairingId: string): Static<typeof PairingStatus> {
  const row = ctx.db
    .prepare('SELECT id, mode, expires_at, used_at, device_id FROM pairing_tokens WHERE id = ?')
    .get(pairingId) as PairingRow | undefined;
  if (!row) throw new MbsError('pairing-not-found');
  const base = { pairingId: row.id, mode: row.mode, expiresAt: row.expires_at };
  if (row.used_at !== null && row.device_id !== null) return { ...base, status: 'paired', deviceId: row.device_id };
  return { ...base, status: ctx.rules.pairingTokenExpired(ctx.clock.now(), row.expires_at) ? 'expired' : 'waiting' };
}
