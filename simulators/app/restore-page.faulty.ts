/** The self-test's faulty variants of the restore page (restore-page.ts): its rows, taps and Restore. */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const RESTORE_PAGE_FAULTS = {
  'ios-restore-offers-documents': {
    // Android's four rows on iOS too, where no document is ever backed up.
    restoreKinds: (rule) => () => rule('android'),
  },
  'android-restore-without-documents': {
    // iOS's three rows on Android too: the documents backed up cannot be restored.
    restoreKinds: (rule) => () => rule('ios'),
  },
  'checkbox-blue-when-some': {
    checkboxColour: (rule) => (selected, total) => (selected > 0 ? 'blue' : rule(selected, total)),
  },
  'orange-tap-selects-all': {
    // A tap on an orange checkbox fills the kind up, as a tri-state checkbox often does.
    kindTapSelects: (rule) => (colour) => rule(colour) || colour === 'orange',
  },
  'kind-tap-selects-recent-only': {
    // Selects the kind's items in the tab the explorer opens on, those still on the phone, not Archive and Delete.
    kindTapTabs: () => () => ['recent'],
  },
  'row-size-of-whole-kind': {
    // The size of every item of the kind once any is selected.
    rowSize: (rule) => (selected, all) => (selected.length === 0 ? rule(selected, all) : rule(all, all)),
  },
  'empty-kind-without-no-items': {
    // "0 of 0 selected" with its checkbox, not "No items" with a gray folder.
    showsNoItems: () => () => false,
  },
  'restore-page-opens-with-accounts': {
    accountsSelectedAtOpen: () => () => true,
  },
  'restore-takes-whole-kind': {
    // The complete set of each kind with anything selected, on every version (as before 1.6.0).
    restoresChosenOnly: () => () => false,
  },
  'restore-starts-with-nothing': {
    refusesRestore: () => () => false,
  },
  'accounts-ticked-one-by-one': {
    // A tap on the 2FA row ticks one more account, as a tap in the explorer ticks one item; orange then clears them.
    accountsTicked: (rule) => (select, ticked, total) =>
      select ? Math.min(ticked + 1, total) : rule(select, ticked, total),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
