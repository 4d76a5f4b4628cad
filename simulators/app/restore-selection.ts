/**
 * The restore file explorer's state (seed 000 §6.2.2, Appendix B): per tab and kind, items grouped by date (All
 * view) or by album (Album view); select all, deselect all, or a few; the count and size selected; and the
 * enlarge toggle, 4 thumbnails per row when off and 2 when on (the seed's table headers are swapped). Documents are
 * browsed by folder in either view, and Select all inside a group selects that group's items only.
 */
import type { Static } from 'typebox';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';
import type { Item } from '../../conformance/spec/protocol/resources.js';

export type RestoreView = 'all' | 'album';
type ServerItem = Static<typeof Item>;

export interface ItemGroup {
  readonly title: string;
  readonly items: readonly ServerItem[];
}

/** How the checkbox of a kind looks on the restore main page: none, some (orange) or all (blue) selected. */
export type CheckState = 'none' | 'some' | 'all' | 'empty';

/** Thumbnails per row: 4 with the enlarge toggle off, 2 with it on (the seed's text, not its swapped headers). */
export function thumbnailsPerRow(enlarged: boolean): number {
  return enlarged ? 2 : 4;
}

/** The group an item shows in: its capture day (All view), its album (Album view); a document, its folder. */
export function groupTitle(view: RestoreView, item: ServerItem): string {
  if (item.meta.kind === 'document') return folderOf(item.meta.path);
  if (view === 'album') return item.meta.album || 'Other';
  return new Date(item.meta.capturedAt ?? item.confirmedAt).toISOString().slice(0, 10);
}

/** The items Select all (and, with `select` false, Deselect all) of a view takes: every one of them. */
export function selectAllTakes(view: readonly ServerItem[], _select: boolean): readonly ServerItem[] {
  return view;
}

/** Whether a tap on a single item selects it: when it is not selected; a tap on a selected one deselects it. */
export function itemTapSelects(selected: boolean): boolean {
  return !selected;
}

/** The count the explorer shows for the items selected. */
export function selectedCount(selected: readonly ServerItem[]): number {
  return selected.length;
}

/** The parts of the explorer's rules, as the app was assembled with them (app-rules.ts). */
export interface SelectionRules {
  readonly thumbnailsPerRow: typeof thumbnailsPerRow;
  readonly groupTitle: typeof groupTitle;
  readonly selectAllTakes: typeof selectAllTakes;
  readonly selectedCount: typeof selectedCount;
  readonly itemTapSelects: typeof itemTapSelects;
}

export const SELECTION_RULES: SelectionRules = {
  thumbnailsPerRow,
  groupTitle,
  selectAllTakes,
  selectedCount,
  itemTapSelects,
};

export class RestoreSelection {
  view: RestoreView = 'all';
  enlarged = false;
  private readonly selected = new Set<string>();

  /** `items` are what the server lists for each tab; `rules` the app's. */
  constructor(
    private readonly items: Readonly<Record<TabName, readonly ServerItem[]>>,
    private readonly rules: SelectionRules,
  ) {}

  get perRow(): number {
    return this.rules.thumbnailsPerRow(this.enlarged);
  }

  list(tab: TabName, kind: ItemKind): ServerItem[] {
    return this.items[tab].filter((i) => i.meta.kind === kind);
  }

  /** All view: by capture date (newest day first); Album view: by album name; documents by folder. */
  groups(tab: TabName, kind: ItemKind): ItemGroup[] {
    const byKey = new Map<string, ServerItem[]>();
    for (const item of this.list(tab, kind)) {
      const key = this.rules.groupTitle(this.view, item);
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
    const keys = [...byKey.keys()].sort();
    if (this.view === 'all' && kind !== 'document') keys.reverse();
    return keys.map((title) => ({ title, items: byKey.get(title) ?? [] }));
  }

  /** Select all inside one group (a date, an album or a documents folder). */
  selectGroup(tab: TabName, kind: ItemKind, title: string): void {
    for (const item of this.groups(tab, kind).find((g) => g.title === title)?.items ?? []) {
      this.selected.add(item.sha256);
    }
  }

  toggle(item: ServerItem): void {
    if (this.rules.itemTapSelects(this.selected.has(item.sha256))) this.selected.add(item.sha256);
    else this.selected.delete(item.sha256);
  }

  selectAll(tab: TabName, kind: ItemKind): void {
    for (const item of this.rules.selectAllTakes(this.list(tab, kind), true)) this.selected.add(item.sha256);
  }

  deselectAll(tab: TabName, kind: ItemKind): void {
    for (const item of this.rules.selectAllTakes(this.list(tab, kind), false)) this.selected.delete(item.sha256);
  }

  isSelected(item: ServerItem): boolean {
    return this.selected.has(item.sha256);
  }

  checkState(tab: TabName, kind: ItemKind): CheckState {
    const items = this.list(tab, kind);
    const chosen = items.filter((i) => this.selected.has(i.sha256)).length;
    if (items.length === 0) return 'empty';
    return chosen === 0 ? 'none' : chosen === items.length ? 'all' : 'some';
  }

  /** The selected items of every tab, each once, with their count and total size. */
  chosen(): { items: ServerItem[]; count: number; bytes: number } {
    const seen = new Map<string, ServerItem>();
    for (const tab of Object.keys(this.items) as TabName[]) {
      for (const item of this.items[tab]) if (this.selected.has(item.sha256)) seen.set(item.sha256, item);
    }
    const items = [...seen.values()];
    return { items, count: this.rules.selectedCount(items), bytes: items.reduce((n, i) => n + i.size, 0) };
  }
}

/** The folder a document is in: its path without the file name. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}
