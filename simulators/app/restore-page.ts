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
import { RestoreSelection } from './restore-selection.js';

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

export interface RestorePlan {
  readonly items: ServerItem[];
  readonly accounts: boolean;
}

export class RestorePage {
  /** The file explorer's selection: Done in the explorer shows here, since both share it. */
  readonly selection: RestoreSelection;
  accountsSelected = false;

  constructor(
    readonly platform: Platform,
    private readonly items: Readonly<Record<TabName, readonly ServerItem[]>>,
    private readonly accounts: readonly Static<typeof AuthenticatorAccount>[],
    /** The restore option the page offers (seed 000 §11): Original location, or Migration on a replacement. */
    readonly option = 'Original location',
    readonly scope: RestoreScope = 'item-by-item',
    /** The rows it offers: the app's rule (restoreKinds) for the platform. */
    readonly kinds: readonly RestoreRowKind[] = restoreKinds(platform),
  ) {
    this.selection = new RestoreSelection(items);
  }

  /** Browse into the file explorer, to pick single items or folders: only where the app restores item by item. */
  get offersExplorer(): boolean {
    return this.scope === 'item-by-item';
  }

  row(kind: RestoreRowKind): RestoreRow {
    this.assertOffered(kind);
    if (kind === '2fa') {
      const total = this.accounts.length;
      const selected = this.accountsSelected ? total : 0;
      return { kind, total, selected, selectedBytes: 0, checkbox: colour(selected, total), noItems: total === 0 };
    }
    const all = this.allOf(kind);
    const chosen = all.filter((i) => this.selection.isSelected(i));
    const selectedBytes = chosen.reduce((n, i) => n + i.size, 0);
    return {
      kind,
      total: all.length,
      selected: chosen.length,
      selectedBytes,
      checkbox: colour(chosen.length, all.length),
      noItems: all.length === 0,
    };
  }

  /** Tapping a kind's checkbox: none selected selects all of the kind; blue or orange deselects all. */
  tap(kind: RestoreRowKind): void {
    const row = this.row(kind);
    if (row.noItems) return;
    const select = row.checkbox === 'none';
    if (kind === '2fa') {
      this.accountsSelected = select;
      return;
    }
    for (const tab of TABS) {
      if (select) this.selection.selectAll(tab, kind);
      else this.selection.deselectAll(tab, kind);
    }
  }

  /** What Restore would restore; refused when nothing is selected. */
  plan(): RestorePlan {
    const chosen = this.selection.chosen().items.filter((i) => this.kinds.includes(i.meta.kind));
    // The complete set: every item of each kind that has anything selected.
    const items = this.offersExplorer
      ? chosen
      : this.kinds.flatMap((kind) =>
          kind !== '2fa' && chosen.some((i) => i.meta.kind === kind) ? this.allOf(kind) : [],
        );
    const accounts = this.accountsSelected && this.accounts.length > 0;
    if (items.length === 0 && !accounts) throw new ClientError('restore-nothing-selected');
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

function colour(selected: number, total: number): CheckboxColour {
  return selected === 0 ? 'none' : selected === total ? 'blue' : 'orange';
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
  const option = app.rules.restoreOption(migratedFrom?.name);
  const scope = app.rules.restoreScope(app.device.platform, app.version);
  return new RestorePage(
    app.device.platform,
    { recent: recent!, archive: archive!, deleted: deleted! },
    accounts,
    option,
    scope,
    app.rules.restoreKinds(app.device.platform),
  );
}

/** Tapping Restore on the page: refused with nothing selected, else a restore job of the selection. */
export async function restoreFromPage(app: MobileApp, page: RestorePage): Promise<RestoreJob> {
  const plan = page.plan();
  return app.restore(plan.items, { accounts: plan.accounts });
}
