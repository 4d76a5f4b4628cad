/**
 * The restore main page (seed 000 §6.2.2.1, §11.1, Appendix B): one row per kind the platform restores (Android:
 * Photos, Videos, Documents, 2FA Accounts; iOS: Photos, Videos, 2FA Accounts), each with how many items are
 * selected and their size, a checkbox that is blue when all are selected and orange when some are, and "No items"
 * with a gray folder for a kind with none. Tapping an empty checkbox selects all of that kind, tapping a blue or
 * orange one deselects all; 2FA accounts go as one group. Nothing is selected when the page opens, and Restore
 * with nothing selected asks the user to select something. An app before 1.6.0 (restore-scope.ts) offers no file
 * explorer: each kind chosen is restored whole.
 */
import type { Static } from 'typebox';
import { ClientError, MbsError } from '../../conformance/spec/errors.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';
import type { AuthenticatorAccount, Item } from '../../conformance/spec/protocol/resources.js';
import type { Platform } from '../device/device-spec.js';
import type { MobileApp } from './mobile-app.js';
import type { RestoreJob } from './restore-job.js';
import type { RestoreScope } from './restore-scope.js';
import { RestoreSelection, SELECTION_RULES, type SelectionRules } from './restore-selection.js';

export const TABS: readonly TabName[] = ['recent', 'archive', 'deleted'];
export type RestoreRowKind = ItemKind | '2fa';
export type CheckboxColour = 'none' | 'orange' | 'blue';
type ServerItem = Static<typeof Item>;

export interface RestoreRow {
  readonly kind: RestoreRowKind;
  readonly total: number;
  readonly selected: number;
  readonly selectedBytes: number;
  readonly checkbox: CheckboxColour;
  /** "No items" with a gray folder icon. */
  readonly noItems: boolean;
}

export const RESTORE_KINDS: Record<Platform, readonly RestoreRowKind[]> = {
  android: ['photo', 'video', 'document', '2fa'],
  ios: ['photo', 'video', '2fa'],
};

/** The rows the restore page of a platform offers, in order (seed 000 §11.1.1, §11.1.2). */
export function restoreKinds(platform: Platform): readonly RestoreRowKind[] {
  return RESTORE_KINDS[platform];
}

/** A kind's checkbox: blue when all its items are selected, orange when some are. */
export function checkboxColour(selected: number, total: number): CheckboxColour {
  return selected === 0 ? 'none' : selected === total ? 'blue' : 'orange';
}

/** Whether a tap on a kind's checkbox selects all of it: only an empty one does; blue or orange deselects all. */
export function kindTapSelects(colour: CheckboxColour): boolean {
  return colour === 'none';
}

/** The tabs whose items of a kind a tap on its empty checkbox selects: all three, the whole kind (RFE-11). */
export function kindTapTabs(): readonly TabName[] {
  return TABS;
}

/** The size a kind's row shows: of the items selected. */
export function rowSize(selected: readonly ServerItem[], _all: readonly ServerItem[]): number {
  return selected.reduce((n, i) => n + i.size, 0);
}

/** "No items" with a gray folder: for a kind with nothing backed up. */
export function showsNoItems(total: number): boolean {
  return total === 0;
}

/** Whether the 2FA group is selected as the page opens: nothing is. */
export function accountsSelectedAtOpen(): boolean {
  return false;
}

/** How many 2FA accounts a tap on their row leaves ticked: all of them or none, as one group (RST-16). */
export function accountsTicked(select: boolean, _ticked: number, total: number): number {
  return select ? total : 0;
}

/** Whether Restore restores the items selected only: where the app restores item by item (restore-scope.ts). */
export function restoresChosenOnly(scope: RestoreScope): boolean {
  return scope === 'item-by-item';
}

/** Whether Restore is refused: with nothing to restore, it asks the user to select something. */
export function refusesRestore(items: number, accounts: boolean): boolean {
  return items === 0 && !accounts;
}

/** The restore page's rules and its explorer's, as the app was assembled with them (app-rules.ts). */
export interface RestorePageRules extends SelectionRules {
  readonly restoreKinds: typeof restoreKinds;
  readonly checkboxColour: typeof checkboxColour;
  readonly kindTapSelects: typeof kindTapSelects;
  readonly kindTapTabs: typeof kindTapTabs;
  readonly rowSize: typeof rowSize;
  readonly showsNoItems: typeof showsNoItems;
  readonly accountsSelectedAtOpen: typeof accountsSelectedAtOpen;
  readonly accountsTicked: typeof accountsTicked;
  readonly restoresChosenOnly: typeof restoresChosenOnly;
  readonly refusesRestore: typeof refusesRestore;
}

export const RESTORE_PAGE_RULES: RestorePageRules = {
  ...SELECTION_RULES,
  restoreKinds,
  checkboxColour,
  kindTapSelects,
  kindTapTabs,
  rowSize,
  showsNoItems,
  accountsSelectedAtOpen,
  accountsTicked,
  restoresChosenOnly,
  refusesRestore,
};

export interface RestorePlan {
  readonly items: ServerItem[];
  readonly accounts: boolean;
}

export class RestorePage {
  /** The file explorer's selection: Done in the explorer shows here, since both share it. */
  readonly selection: RestoreSelection;
  /** How many of the 2FA accounts are ticked: all or none, since they go as one group. */
  accountsTicked: number;

  constructor(
    readonly platform: Platform,
    private readonly items: Readonly<Record<TabName, readonly ServerItem[]>>,
    private readonly accounts: readonly Static<typeof AuthenticatorAccount>[],
    /** The app's rules for the page. */
    readonly rules: RestorePageRules,
    /** The restore option the page offers (seed 000 §11): Original location, or Migration on a replacement. */
    readonly option = 'Original location',
    readonly scope: RestoreScope = 'item-by-item',
    /** The rows it offers: the app's rule (restoreKinds) for the platform. */
    readonly kinds: readonly RestoreRowKind[] = rules.restoreKinds(platform),
  ) {
    this.selection = new RestoreSelection(items, rules);
    this.accountsTicked = rules.accountsSelectedAtOpen() ? accounts.length : 0;
  }

  /** Browse into the file explorer, to pick single items or folders: only where the app restores item by item. */
  get offersExplorer(): boolean {
    return this.scope === 'item-by-item';
  }

  row(kind: RestoreRowKind): RestoreRow {
    this.assertOffered(kind);
    const { rules } = this;
    if (kind === '2fa') {
      const total = this.accounts.length;
      const selected = this.accountsTicked;
      const checkbox = rules.checkboxColour(selected, total);
      return { kind, total, selected, selectedBytes: 0, checkbox, noItems: rules.showsNoItems(total) };
    }
    const all = this.allOf(kind);
    const chosen = all.filter((i) => this.selection.isSelected(i));
    return {
      kind,
      total: all.length,
      selected: chosen.length,
      selectedBytes: rules.rowSize(chosen, all),
      checkbox: rules.checkboxColour(chosen.length, all.length),
      noItems: rules.showsNoItems(all.length),
    };
  }

  /** Tapping a kind's checkbox: none selected selects all of the kind; blue or orange deselects all. */
  tap(kind: RestoreRowKind): void {
    const row = this.row(kind);
    if (row.total === 0) return;
    const select = this.rules.kindTapSelects(row.checkbox);
    if (kind === '2fa') {
      this.accountsTicked = this.rules.accountsTicked(select, this.accountsTicked, row.total);
      return;
    }
    if (select) for (const tab of this.rules.kindTapTabs()) this.selection.selectAll(tab, kind);
    else for (const tab of TABS) this.selection.deselectAll(tab, kind);
  }

  /** What Restore would restore; refused when nothing is selected. */
  plan(): RestorePlan {
    const chosen = this.selection.chosen().items.filter((i) => this.kinds.includes(i.meta.kind));
    // The complete set: every item of each kind that has anything selected.
    const items = this.rules.restoresChosenOnly(this.scope)
      ? chosen
      : this.kinds.flatMap((kind) =>
          kind !== '2fa' && chosen.some((i) => i.meta.kind === kind) ? this.allOf(kind) : [],
        );
    const accounts = this.accountsTicked > 0;
    if (this.rules.refusesRestore(items.length, accounts)) throw new ClientError('restore-nothing-selected');
    return { items, accounts };
  }

  private allOf(kind: ItemKind): ServerItem[] {
    const seen = new Map<string, ServerItem>();
    for (const tab of TABS) for (const item of this.selection.list(tab, kind)) seen.set(item.sha256, item);
    return [...seen.values()];
  }

  private assertOffered(kind: RestoreRowKind): void {
    if (!this.kinds.includes(kind)) throw new RangeError(`The ${this.platform} restore page offers no ${kind}.`);
  }
}

/** Opens the restore page: what the server lists in each tab, and the 2FA accounts of the latest backup. */
export async function openRestorePage(app: MobileApp): Promise<RestorePage> {
  const [recent, archive, deleted] = await Promise.all(TABS.map((tab) => app.listRestorable(tab)));
  let accounts: readonly Static<typeof AuthenticatorAccount>[] = [];
  try {
    accounts = (await app.client().call('getLatestSnapshot')).accounts;
  } catch (error) {
    if (!(error instanceof MbsError && error.code === 'snapshot-not-found')) throw error;
  }
  // The server's entry for this phone says whether it is the replacement of another (seed 000 §11: Migration).
  const { migratedFrom } = await app.client().call('getSelf');
  return restorePageOf(app, { recent: recent!, archive: archive!, deleted: deleted! }, accounts, migratedFrom?.name);
}

/** The restore page `app` shows over these lists: its rules, its option, its scope and its rows are the app's. */
export function restorePageOf(
  app: Pick<MobileApp, 'rules' | 'device' | 'version'>,
  items: Readonly<Record<TabName, readonly ServerItem[]>>,
  accounts: readonly Static<typeof AuthenticatorAccount>[],
  migratedFrom?: string,
): RestorePage {
  const { rules, device } = app;
  const scope = rules.restoreScope(device.platform, app.version);
  const option = rules.restoreOption(migratedFrom);
  return new RestorePage(device.platform, items, accounts, rules, option, scope, rules.restoreKinds(device.platform));
}

/** Tapping Restore on the page: refused with nothing selected, else a restore job of the selection. */
export async function restoreFromPage(app: MobileApp, page: RestorePage): Promise<RestoreJob> {
  const plan = page.plan();
  return app.restore(plan.items, { accounts: plan.accounts });
}
