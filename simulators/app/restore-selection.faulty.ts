/** The self-test's faulty variants of the restore file explorer's selection (restore-selection.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const RESTORE_SELECTION_FAULTS = {
  'enlarge-rows-as-seed-headers': {
    // The seed's table headers read literally: 2 per row with the toggle off, 4 with it on.
    thumbnailsPerRow: (rule) => (enlarged) => rule(!enlarged),
  },
  'album-view-by-date': {
    // The Album tab of the view bar is drawn, but the groups stay by day.
    groupTitle: (rule) => (_view, item) => rule('all', item),
  },
  'select-all-first-page-only': {
    // Select all takes the page of the view loaded so far (20 items), not the rest of a longer view.
    selectAllTakes: (rule) => (view, select) => (select ? rule(view, select).slice(0, 20) : rule(view, select)),
  },
  'deselect-all-leaves-last': {
    // The loop of Deselect all stops one short.
    selectAllTakes: (rule) => (view, select) => (select ? rule(view, select) : rule(view, select).slice(0, -1)),
  },
  'selection-count-off-by-one': {
    // Shows the index of the last item selected, counted from 0, as the count.
    selectedCount: (rule) => (selected) => Math.max(0, rule(selected) - 1),
  },
  'item-tap-never-deselects': {
    // The thumbnail's tap handler sets the tick rather than flipping it.
    itemTapSelects: () => () => true,
  },
  'album-view-recent-only': {
    // Albums come from the phone's own library, which holds only the Recent tab's items: the rest stay by date.
    groupTitle: (rule) => (view, item) => rule(item.tab === 'recent' ? view : 'all', item),
  },
  'documents-by-date': {
    // Documents go through the photos' grid: by day in the All view, by album ("Other") in the Album view.
    groupTitle: (rule) => (view, item) => rule(view, { ...item, meta: { ...item.meta, kind: 'photo' } }),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
