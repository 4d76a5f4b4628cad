/** The self-test's faulty variants of the connection setting the app keeps (connection.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const CONNECTION_FAULTS = {
  // Connects through the typed host but keeps automatic mode stored: the next start looks for the machine again.
  'manual-host-not-kept': {
    keptConnection: (said) => (before, tried) => (tried.mode === 'manual' ? before : said(before, tried)),
  },
  'qr-host-kept-as-manual': {
    // Stores the host of the pairing QR code as a typed host: a machine whose address moves is lost.
    connectionAfterPairing: () => (_before, qrHost) => ({ mode: 'manual', host: qrHost }),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
