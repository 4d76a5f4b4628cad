/** A valid pairing QR payload, for the tests that encode, decode or check one. */
import type { PairingPayload } from '../../../../conformance/spec/protocol/pairing.js';

export const PAIRING_PAYLOAD: PairingPayload = {
  v: 1,
  server: 'srv-1',
  edition: 'pro',
  host: '192.168.1.20',
  tcp: 50000,
  udp: 50200,
  token: 'tok_0123456789abcdef',
  mode: 'add',
  expires: 1_764_000_000_000,
};
