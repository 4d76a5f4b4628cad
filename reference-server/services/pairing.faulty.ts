/** The self-test's faulty variants of pairing (pairing.ts). */
import { EDITIONS } from '../../conformance/spec/editions.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import { encodeLegacyPairingPayload } from '../../conformance/spec/protocol/pairing.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { afterRoundTrip } from './round-trip.js';

export const PAIRING_FAULTS = {
  'pairing-token-used-twice-at-once': {
    // Reads the token on a round trip (a vendor's asynchronous database)...
    tokenToPair: (rule) => (ctx, tokenHash) => afterRoundTrip(rule(ctx, tokenHash)),
    // ...and trusts that read: the token is written used whether or not a pairing that ran meanwhile used it, so
    // two phones sent one token at once both pair.
    useToken: () => (ctx, tokenHash, now, deviceId) =>
      void ctx.db
        .prepare('UPDATE pairing_tokens SET used_at = ?, device_id = ? WHERE token_hash = ?')
        .run(now, deviceId, tokenHash),
  },
  'migration-onto-paired-device': {
    // Lets a replacement that is paired already (as a device or for 2FA) through the checks...
    refusePairedInstall: (rule) => (ctx, mode, installId) => {
      if (mode !== 'migrate') rule(ctx, mode, installId);
    },
    // ...and, inside the pairing's transaction, drops its earlier pairing so that it pairs again.
    claimInstall: (rule) => (ctx, mode, installId) => {
      if (mode === 'migrate') ctx.db.prepare('DELETE FROM devices WHERE install_id = ?').run(installId);
      rule(ctx, mode, installId);
    },
  },
  'migration-ignores-app-version': {
    // Lets a replacement whose app is older than 1.5.0 (Android) or 268 (iOS) take over the original.
    refuseOldMigratingApp: () => () => undefined,
  },
  'pairing-token-lives-11-minutes': {
    // A pairing token is accepted a minute past its 10 minutes.
    pairingExpiry: (rule) => (ctx, issuedAt) => rule(ctx, issuedAt) + 60_000,
  },
  'pairing-token-alive-at-expiry': {
    // Refuses a token only after its expiresAt (now > expiresAt): at that very millisecond it still pairs.
    pairingTokenExpired: (rule) => (now, expiresAt) => now !== expiresAt && rule(now, expiresAt),
  },
  'qr-payload-not-https': {
    // Shows the first payload, mbs://pair?…: the app still pairs by it, a camera opens nothing.
    pairingQrText: () => encodeLegacyPairingPayload,
  },
  'pairing-qr-default-ports': {
    // Builds the QR code from the edition's default ports in its settings, not the ports it took.
    pairingQrText: (rule) => (payload) =>
      rule({ ...payload, tcp: EDITIONS[payload.edition].tcp.first, udp: EDITIONS[payload.edition].udp.first }),
  },
  'migration-qr-says-add': {
    // Writes every pairing QR code as an "add": a migration's QR code offers the replacement no migration.
    pairingQrText: (rule) => (payload) => rule({ ...payload, mode: 'add' }),
  },
  'migration-original-unchecked': {
    // Issues a migration QR code for any original id, listed or not: only the replacement's pairing finds it missing.
    refuseUnlistedOriginal: () => () => undefined,
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
