/**
 * Every server-scope check: each talks to the server only through the protocol (and, where a check says so, reads
 * the data directory or starts reference servers of its own when the runner controls the target), so the same
 * list runs against the reference server and against a vendor's.
 */
import type { Check } from '../framework/check.js';
import { editionFeatureChecks } from './edition-features.js';
import { editionPortChecks, portFallbackCheck } from './editions-ports.js';
import { errorsConformanceCheck } from './errors-conformance.js';
import { migrationCheck } from './migration-server.js';
import { discoveryCheck } from './pairing-discovery.js';
import { pairingTokensCheck } from './pairing-tokens.js';
import { protocolIntegrityCheck } from './protocol-integrity.js';
import { storageLayoutCheck } from './storage-layout.js';

export const SERVER_CHECKS: readonly Check[] = [
  discoveryCheck,
  ...editionPortChecks,
  portFallbackCheck,
  ...editionFeatureChecks,
  pairingTokensCheck,
  migrationCheck,
  protocolIntegrityCheck,
  storageLayoutCheck,
  errorsConformanceCheck,
];
