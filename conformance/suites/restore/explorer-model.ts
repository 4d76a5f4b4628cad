/**
 * The restore file explorer property (explorer.ts) as actions on a port, `ExplorerPort`, with two adapters:
 * the app model's explorer selection in process (explorer.ts) and the app's explorer screen through an
 * AppDriver (explorer-screens.ts). After every action the explorer must show 4 or 2 thumbnails per row, the count
 * selected, each item ticked as the model says, and each tab's photos and videos by date (All) or album (Album).
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { TabName } from '../../spec/protocol/common.js';
import { TABS } from '../../../simulators/app/restore-page.js';
import type { RestoreView } from '../../../simulators/app/restore-selection.js';
import { expectEqual, sorted } from '../../kit/device-support.js';

export type ExplorerAction =
  | { readonly view: RestoreView }
  | { readonly enlarge: boolean }
  | { readonly all: boolean; readonly tab: TabName; readonly kind: ItemKind }
  | { readonly toggle: number };

export const explorerActions = (maxLength: number): fc.Arbitrary<ExplorerAction[]> =>
  fc.array(
    fc.oneof(
      fc.constantFrom('all' as const, 'album' as const).map((view) => ({ view })),
      fc.boolean().map((enlarge) => ({ enlarge })),
      fc.record({
        all: fc.boolean(),
        tab: fc.constantFrom<TabName>('recent', 'archive', 'deleted'),
        kind: fc.constantFrom<ItemKind>('photo', 'video', 'document'),
      }),
      fc.nat(30).map((toggle) => ({ toggle })),
    ),
    { maxLength },
  );

/** A backed-up item as the explorer lists it; `key` tells it apart (its SHA-256, or its element on the screens). */
export interface ExplorerItem {
  readonly key: string;
  readonly name: string;
  readonly kind: ItemKind;
  readonly tab: TabName;
  /** The day it was taken (YYYY-MM-DD, UTC) and its album ('' for none). */
  readonly day: string;
  readonly album: string;
}

/** Photos or videos of one tab as the explorer groups them: titles, each with its items' names. */
export interface SeenGroups {
  readonly tab: TabName;
  readonly kind: ItemKind;
  readonly groups: readonly (readonly [string, readonly string[]])[];
  /** How many thumbnails each group's rows hold, where the adapter sees rows. */
  readonly rows?: readonly (readonly number[])[];
}

export interface ExplorerSeen {
  readonly perRow: number;
  readonly count: number;
  /** Whether each item the adapter saw is ticked, by key. */
  readonly ticked: ReadonlyMap<string, boolean>;
  readonly groups: readonly SeenGroups[];
}

export interface ExplorerPort {
  /** Every item of every tab, tab by tab: `toggle` actions pick from them in this order. */
  readonly items: readonly ExplorerItem[];
  setView(view: RestoreView): Promise<void>;
  setEnlarged(on: boolean): Promise<void>;
  toggle(item: ExplorerItem): Promise<void>;
  selectAll(tab: TabName, kind: ItemKind, all: boolean): Promise<void>;
  /** What the explorer shows: with `everything`, of every tab and kind; else at least what the last action showed. */
  observe(everything: boolean): Promise<ExplorerSeen>;
}

interface Expected {
  readonly selected: ReadonlySet<string>;
  readonly view: RestoreView;
  readonly enlarged: boolean;
  /** The rule of the last action for an item it touched (a tap, Select all, Deselect all); else undefined. */
  readonly touched?: (item: ExplorerItem) => readonly string[] | undefined;
}

/** The rule an action's wrong tick breaks: a tap on the item (RFE-14), or Select all (RFE-03) or Deselect all of its view (RFE-04). */
function touchedBy(items: readonly ExplorerItem[], step: ExplorerAction): Expected['touched'] {
  if ('toggle' in step) {
    const tapped = items[step.toggle % items.length]!;
    return (i) => (i.key === tapped.key ? ['RFE-14'] : undefined);
  }
  if ('all' in step)
    return (i) => (i.tab === step.tab && i.kind === step.kind ? [step.all ? 'RFE-03' : 'RFE-04'] : undefined);
  return undefined;
}

function verify(items: readonly ExplorerItem[], seen: ExplorerSeen, want: Expected) {
  const perRow = want.enlarged ? 2 : 4;
  expectEqual(['RFE-01'], 'thumbnails per row', seen.perRow, perRow);
  // Kinds whose Recent groups showed right: another tab of theirs wrong in the Album view is a tab left out (RFE-15).
  const recentRight = new Set<ItemKind>();
  for (const tab of TABS) {
    for (const item of items.filter((i) => i.tab === tab && seen.ticked.has(i.key))) {
      expectEqual(
        want.touched?.(item) ?? ['RFE-03', 'RFE-04', 'RFE-14'],
        `whether ${item.name} is selected`,
        seen.ticked.get(item.key),
        want.selected.has(item.key),
      );
    }
    for (const shown of seen.groups.filter((g) => g.tab === tab && g.kind !== 'document')) {
      const { kind } = shown;
      const ofKind = items.filter((i) => i.tab === tab && i.kind === kind);
      const key = (i: ExplorerItem) => (want.view === 'album' ? i.album || 'Other' : i.day);
      const titles = [...new Set(ofKind.map(key))].sort();
      if (want.view === 'all') titles.reverse();
      const expected = titles.map((title) => [
        title,
        sorted(ofKind.filter((i) => key(i) === title).map((i) => i.name)),
      ]);
      const groups = shown.groups.map(([title, names]) => [title, sorted(names)]);
      const viewRules = recentRight.has(kind) && want.view === 'album' ? ['RFE-15'] : ['RFE-05', 'RFE-15'];
      expectEqual(viewRules, `${tab} ${kind}s in the ${want.view} view`, groups, expected);
      if (tab === 'recent') recentRight.add(kind);
      if (shown.rows) {
        const rows = expected.map(([, names]) => chunks(names!.length, perRow));
        expectEqual(['RFE-01'], `${tab} ${kind}s: thumbnails in each row`, shown.rows, rows);
      }
    }
  }
  // After the ticks: an item Select all or Deselect all missed is their finding before it is the count's.
  expectEqual(['RFE-02'], 'the count selected', seen.count, want.selected.size);
}

/** Rows of `perRow` for `count` thumbnails, the last one holding the rest. */
const chunks = (count: number, perRow: number) =>
  Array.from({ length: Math.ceil(count / perRow) }, (_, row) => Math.min(perRow, count - row * perRow));

type Selecting =
  { readonly toggle: number } | { readonly all: boolean; readonly tab: TabName; readonly kind: ItemKind };

interface Selects<T> {
  toggle(item: T): Promise<void>;
  selectAll(tab: TabName, kind: ItemKind, all: boolean): Promise<void>;
}

/** One item picked by index, or Select all or Deselect all of a tab and kind: in the model and on the port. */
export async function select<T extends { key: string; tab: TabName; kind: ItemKind }>(
  port: Selects<T>,
  items: readonly T[],
  selected: Set<string>,
  op: Selecting,
): Promise<void> {
  if ('toggle' in op) {
    const item = items[op.toggle % items.length]!;
    if (!selected.delete(item.key)) selected.add(item.key);
    await port.toggle(item);
  } else {
    mark(
      selected,
      items.filter((i) => i.tab === op.tab && i.kind === op.kind),
      op.all,
    );
    await port.selectAll(op.tab, op.kind, op.all);
  }
}

/** Marks the items selected or not, in the model. */
export function mark(selected: Set<string>, items: readonly { readonly key: string }[], select: boolean): void {
  for (const i of items)
    if (select) selected.add(i.key);
    else selected.delete(i.key);
}

/**
 * Photos of one day a phone adds to the few spread over the tabs: the Recent photos view then runs past a screen
 * of thumbnails, and past a page of a listing an app may load as it scrolls, so Select all must reach its end.
 */
export const PHOTOS_OF_A_LONG_DAY = 20;

/**
 * One run on a fresh explorer: nothing selected, All view, not enlarged. It ends with Select all of every tab and
 * kind, then Deselect all of each, whatever the run left selected: each must reach the last item of its view.
 */
export async function explorerRun(port: ExplorerPort, steps: readonly ExplorerAction[]): Promise<void> {
  const { items } = port;
  const selected = new Set<string>();
  let view: RestoreView = 'all';
  let enlarged = false;
  const check = async (everything: boolean, step?: ExplorerAction) =>
    verify(items, await port.observe(everything), {
      selected,
      view,
      enlarged,
      ...(step ? { touched: touchedBy(items, step) } : {}),
    });
  await check(true);
  for (const step of steps) {
    if ('view' in step) await port.setView((view = step.view));
    else if ('enlarge' in step) await port.setEnlarged((enlarged = step.enlarge));
    else await select(port, items, selected, step);
    await check(false, step);
  }
  const kinds = [...new Set(items.map((i) => i.kind))];
  for (const all of [true, false]) {
    for (const tab of TABS) {
      for (const kind of kinds.filter((k) => items.some((i) => i.tab === tab && i.kind === k))) {
        const step = { all, tab, kind };
        await select(port, items, selected, step);
        await check(false, step);
      }
    }
  }
  await check(true);
}
