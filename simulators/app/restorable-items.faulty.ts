/** The self-test's faulty variant of what the restore file explorer lists (restorable-items.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const RESTORABLE_ITEMS_FAULTS = {
  'archive-lists-own-backups-only': {
    // Matches the Archive tab against the phone's own upload records: what another phone backed up drops out.
    listsServerItem: (rule) => (tab, backedUpHere) => (tab !== 'archive' || backedUpHere) && rule(tab, backedUpHere),
  },
  'recent-lists-freed-items': {
    // Recent as every item the phone backed up: those free up space took off the phone show there too.
    listedTabs: (rule) => (tab) => (tab === 'recent' ? [...rule(tab), 'archive'] : rule(tab)),
  },
  'restore-lists-kept': {
    // Keeps each tab's list from the first time the explorer opened it: a later backup's state is not offered.
    listsAfresh: () => () => false,
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
