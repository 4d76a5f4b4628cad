/**
 * The restore main page property (main-page.ts) as taps on a port, `RestorePagePort`, with two adapters:
 * the app model's restore page in process (main-page.ts) and the app's screens through an AppDriver
 * (main-page-screens.ts). After every tap each row must show the model's count, size and checkbox colour, an empty
 * kind "No items", and Restore must be refused exactly when nothing is selected.
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { TabName } from '../../spec/protocol/common.js';
import type { RestoreRowKind } from '../../../simulators/app/restore-page.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { mark, select } from './explorer-model.js';
import { expectSizeShown } from './size-shown.js';

/** The rows RST-03 (Android) and RST-04 (iOS, "only") name, stated here rather than taken from the app model. */
export const OFFERED_KINDS: Record<Platform, readonly RestoreRowKind[]> = {
  android: ['photo', 'video', 'document', '2fa'],
  ios: ['photo', 'video', '2fa'],
};

export type PageOp =
  | { readonly tap: RestoreRowKind }
  | { readonly toggle: number }
  | { readonly all: boolean; readonly tab: TabName; readonly kind: ItemKind };

export const pageOps = (maxLength: number): fc.Arbitrary<PageOp[]> =>
  fc.array(
    fc.oneof(
      fc.constantFrom<RestoreRowKind>('photo', 'video', 'document', '2fa').map((tap) => ({ tap })),
      fc.nat(20).map((toggle) => ({ toggle })),
      fc.record({
        all: fc.boolean(),
        tab: fc.constantFrom<TabName>('recent', 'archive', 'deleted'),
        kind: fc.constantFrom<ItemKind>('photo', 'video', 'document'),
      }),
    ),
    { maxLength },
  );

/** A backed-up item the page offers; `key` tells it apart (its SHA-256 in process, its element on the screens). */
export interface PageItem {
  readonly key: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly tab: TabName;
}

/** A row as the page shows it. */
export interface PageRow {
  readonly kind: RestoreRowKind;
  readonly selected: number;
  /** The selected size: in bytes where the page is read as data, as written ("2.78GB") where it is read off a screen. */
  readonly bytes: number | string;
  readonly total: number;
  readonly noItems: boolean;
  readonly colour: string;
}

export interface RestorePagePort {
  readonly platform: Platform;
  /** Every item the page offers, tab by tab: `toggle` ops pick from them in this order. */
  readonly items: readonly PageItem[];
  /** The 2FA accounts of the latest backup. */
  readonly accounts: number;
  /** The kinds the page has a row for. */
  kinds(): Promise<readonly RestoreRowKind[]>;
  /** Taps a kind's checkbox: false when the page has none for the kind. */
  tapKind(kind: RestoreRowKind): Promise<boolean>;
  /** One item in the file explorer, and Done. */
  toggle(item: PageItem): Promise<void>;
  /** Select all (or Deselect all) of one tab and kind in the file explorer, and Done. */
  selectAll(tab: TabName, kind: ItemKind, all: boolean): Promise<void>;
  rows(): Promise<readonly PageRow[]>;
  /** Whether Restore is refused now; undefined where only a restore would tell, that is with something selected. */
  restoreRefused(nothingSelected: boolean): Promise<boolean | undefined>;
}

/** What the page last did: opened, a kind's tap that selects or deselects, or a change made in the file explorer. */
export type PageAction = 'open' | 'select' | 'deselect' | 'explorer';

/** The rules a wrong count after an action breaks: the count shown (RST-13), and the rule of the action. */
const COUNT_RULES: Record<PageAction, readonly string[]> = {
  open: ['RST-13', 'RST-17'],
  select: ['RST-13', 'RFE-11'],
  deselect: ['RST-13', 'RFE-12'],
  explorer: ['RST-13'],
};

/** What the page must show with `selected` (item keys) and the 2FA group chosen or not, after `action`. */
export async function verifyPage(
  port: RestorePagePort,
  selected: ReadonlySet<string>,
  group: boolean,
  action: PageAction = 'open',
) {
  const { items, accounts } = port;
  const rows = await port.rows();
  for (const row of rows) {
    const { kind } = row;
    const ofKind = kind === '2fa' ? [] : items.filter((i) => i.kind === kind);
    const total = kind === '2fa' ? accounts : ofKind.length;
    const chosen = kind === '2fa' ? (group ? accounts : 0) : ofKind.filter((i) => selected.has(i.key)).length;
    const bytes = ofKind.filter((i) => selected.has(i.key)).reduce((n, i) => n + i.size, 0);
    const colour = chosen === 0 ? 'none' : chosen === total ? 'blue' : 'orange';
    const what = `${kind}: selected and their size`;
    // Part of the accounts selected is a group split up, whatever the last action was.
    if (kind === '2fa')
      expectTrue(['RST-16'], row.selected === 0 || row.selected === total, '2FA accounts were selected one by one');
    if (typeof row.bytes === 'string') {
      expectEqual(COUNT_RULES[action], what, row.selected, chosen);
      if (kind !== '2fa') expectSizeShown(row.bytes, bytes, what, ['RST-13']);
    } else {
      expectEqual(COUNT_RULES[action], what, [row.selected, row.bytes], [chosen, bytes]);
    }
    expectEqual(['RST-14'], `${kind}: the checkbox`, row.colour, colour);
    expectEqual(['RST-15'], `${kind}: "No items"`, [row.total, row.noItems], [total, total === 0]);
  }
  const kinds = rows.map((r) => r.kind);
  const nothing =
    ![...selected].some((key) => items.some((i) => i.key === key && kinds.includes(i.kind))) &&
    !(group && accounts > 0);
  const refused = await port.restoreRefused(nothing);
  if (refused !== undefined) expectEqual(['RST-05'], 'whether Restore is refused', refused, nothing);
}

/** One run: the page as opened, then after each tap. */
export async function pageRun(port: RestorePagePort, taps: readonly PageOp[]): Promise<void> {
  const { platform, items, accounts } = port;
  const offered = platform === 'android' ? 'RST-03' : 'RST-04';
  expectEqual([offered], 'the kinds the restore page offers', await port.kinds(), OFFERED_KINDS[platform]);
  const selected = new Set<string>();
  let group = false;
  await verifyPage(port, selected, group);
  for (const op of taps) {
    let action: PageAction = 'explorer';
    if ('tap' in op) {
      if (!OFFERED_KINDS[platform].includes(op.tap)) {
        expectTrue([offered], !(await port.tapKind(op.tap)), `the ${platform} restore page let the user tap ${op.tap}`);
        continue;
      }
      const ofKind = items.filter((i) => i.kind === op.tap);
      const selects: boolean = op.tap === '2fa' ? !group : ofKind.every((i) => !selected.has(i.key));
      action = selects ? 'select' : 'deselect';
      if (op.tap === '2fa') group = accounts > 0 && selects;
      else mark(selected, ofKind, selects);
      await port.tapKind(op.tap);
    } else await select(port, items, selected, op);
    await verifyPage(port, selected, group, action);
  }
}
