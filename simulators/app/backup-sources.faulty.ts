/** The self-test's faulty variants of what a backup takes (backup-sources.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const BACKUP_SOURCES_FAULTS = {
  'no-source-accepted': {
    // Takes any selection: none at all, or documents on iOS.
    updateSources: () => (_platform, current, change) => ({ ...current, ...change }),
  },
  'itunes-synced-backed-up': {
    // Takes media synced from iTunes as the device's own.
    exclusionReason: (rule) => (platform, sources, item) =>
      rule(platform, sources, item.origin === 'itunes-sync' ? { ...item, origin: 'device' } : item),
  },
  'paired-sources-not-preselected': {
    // Once paired, offers Photos alone selected: the user must pick the rest.
    pairedSources: () => () => ({ photos: true, videos: false, documents: false, twoFactorAccounts: false }),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
