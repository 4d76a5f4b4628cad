/** The self-test's faulty variants of the connection setting the app keeps (connection.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';
import { EDITIONS } from '../../conformance/spec/editions.js';
import { ClientError, CLIENT_ERRORS } from '../../conformance/spec/errors.js';

export const CONNECTION_FAULTS = {
  // Connects through the typed host but keeps automatic mode stored: the next start looks for the machine again.
  'manual-host-not-kept': {
    keptConnection: (said) => (before, tried) => (tried.mode === 'manual' ? before : said(before, tried)),
  },
  'qr-host-kept-as-manual': {
    // Stores the host of the pairing QR code as a typed host: a machine whose address moves is lost.
    connectionAfterPairing: () => (_before, qrHost) => ({ mode: 'manual', host: qrHost }),
  },
  // Dials the edition's default TCP port once discovery answered: a server moved off a busy default is missed.
  'auto-dials-default-port': {
    dialedPort: () => (_answered, edition) => EDITIONS[edition].tcp.first,
  },
  // Sends a malformed host to the resolver, which gives up: the app shows its generic time-out, not the seed's text.
  'invalid-host-times-out': {
    connectFailure: (said) => (host, why) =>
      why === 'malformed' ? new ClientError('timeout', CLIENT_ERRORS.timeout, { host }) : said(host, why),
  },
  // Leaves the host field editable while Save & Connect tries it: the user edits a host the app is already trying.
  'host-editable-while-connecting': {
    whileConnecting: (said) => () => ({ ...said(), hostLocked: false }),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
