/** The self-test's faulty variant of the connection setting the app keeps (connection.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const CONNECTION_FAULTS = {
  // Connects through the typed host but keeps automatic mode stored: the next start looks for the machine again.
  'manual-host-not-kept': {
    keptConnection: (said) => (before, tried) => (tried.mode === 'manual' ? before : said(before, tried)),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
