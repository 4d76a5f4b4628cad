/**
 * One restore run of the restore selection property (selection.ts) and what it checks. It acts on a port,
 * `RestoreApp`, with two adapters: the app model on a simulated device in process (selection-in-process.ts) and the app
 * through its screens and `mobile:` methods (selection-screens.ts), so one property checks both.
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { RestoreRowKind } from '../../../simulators/app/restore-page.js';
import { expectEqual, expectTrue, kindCounts, sorted } from '../../kit/device-support.js';

/** An item the server offers: `key` tells it apart (its SHA-256 in process, its size through the screens). */
export interface Offered {
  readonly key: string;
  readonly kind: ItemKind;
  readonly name: string;
}

export type Op = { readonly tap: ItemKind | '2fa' } | { readonly toggle: number };
export type Interrupt = { readonly after: number; readonly by: 'stop' | 'lan' };
export interface Run {
  readonly deleted: readonly boolean[];
  readonly forgetAccounts: boolean;
  readonly ops: readonly Op[];
  readonly interrupt: Interrupt | null;
}

export const runs: fc.Arbitrary<Run> = fc.record({
  deleted: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  forgetAccounts: fc.boolean(),
  ops: fc.array(
    fc.oneof(
      fc.constantFrom<ItemKind | '2fa'>('photo', 'video', 'document', '2fa').map((tap) => ({ tap })),
      fc.nat(6).map((toggle) => ({ toggle })),
    ),
    { minLength: 1, maxLength: 5 },
  ),
  interrupt: fc.option(
    fc.record({ after: fc.constantFrom(1, 1, 2), by: fc.constantFrom('stop' as const, 'lan' as const) }),
  ),
});

/** What a restore job did; `downloaded` (keys) where the adapter sees the wire. */
export interface RestoreOutcome {
  /** The job's state while interrupted, when it was. */
  readonly interrupted?: string;
  readonly state: string;
  readonly restored: Record<ItemKind, number>;
  readonly skipped: Record<ItemKind, number>;
  readonly downloaded?: readonly string[];
}

/** The 2FA accounts as a group on the restore page: absent where the adapter cannot forget an account. */
export interface AccountsPort {
  forget(): Promise<void>;
  tapGroup(): Promise<void>;
  /** After the restore: which accounts the phone shows, and whether their codes work. */
  verify(expectAll: boolean): Promise<void>;
}

export interface RestoreApp {
  /** The items the server offers, in the order `toggle` ops pick from; the phone's items, in `deleted`'s order. */
  readonly items: readonly Offered[];
  readonly backed: readonly Offered[];
  readonly accounts?: AccountsPort;
  deleteFromPhone(items: readonly Offered[]): Promise<void>;
  /** Opens a fresh restore page: nothing selected. */
  openPage(): Promise<readonly RestoreRowKind[]>;
  tapKind(kind: ItemKind): Promise<void>;
  toggle(item: Offered): Promise<void>;
  /** Taps Restore with nothing selected: whether the app refused. */
  refusesEmpty(): Promise<boolean>;
  /** What the page carries from the explorer: the items' names, or only how many of each kind. */
  carried(): Promise<{ readonly names: readonly string[] } | { readonly perKind: Record<ItemKind, number> }>;
  restore(interrupt: Interrupt | null): Promise<RestoreOutcome>;
  /** Copies on the phone of each backed-up item, by key. */
  copies(): Promise<ReadonlyMap<string, number>>;
}

/** Applies the ops to the page and says what it should then have selected: a kind's tap selects all of it when none is. */
async function select(app: RestoreApp, kinds: readonly RestoreRowKind[], ops: readonly Op[]) {
  const { items } = app;
  const selected = new Set<string>();
  let accounts = false;
  for (const op of ops) {
    if ('toggle' in op) {
      const item = items[op.toggle % items.length]!;
      if (!selected.delete(item.key)) selected.add(item.key);
      await app.toggle(item);
    } else if (op.tap === '2fa') {
      if (!app.accounts) continue;
      accounts = !accounts;
      await app.accounts.tapGroup();
    } else if (kinds.includes(op.tap)) {
      const ofKind = items.filter((i) => i.kind === op.tap);
      const none = ofKind.every((i) => !selected.has(i.key));
      for (const i of ofKind)
        if (none) selected.add(i.key);
        else selected.delete(i.key);
      await app.tapKind(op.tap);
    }
  }
  return { selected, accounts };
}

export async function restoreRun(app: RestoreApp, run: Run): Promise<void> {
  const gone = app.backed.filter((_, i) => run.deleted[i]);
  await app.deleteFromPhone(gone);
  if (run.forgetAccounts) await app.accounts?.forget();
  const kinds = await app.openPage();
  const want = await select(app, kinds, run.ops);
  if (want.selected.size === 0 && !want.accounts) {
    expectTrue(['RST-05'], await app.refusesEmpty(), 'Restore went ahead with nothing selected');
    return;
  }
  const chosen = app.backed.filter((b) => want.selected.has(b.key));
  const carried = await app.carried();
  if ('names' in carried) {
    const names = sorted(app.items.filter((i) => want.selected.has(i.key)).map((i) => i.name));
    expectEqual(['RFE-14'], 'items the page carries from the explorer', sorted(carried.names), names);
  } else {
    const counts = kindCounts(chosen.map((b) => b.kind));
    expectEqual(['RFE-14'], 'items per kind the page carries from the explorer', carried.perKind, counts);
  }
  const job = await app.restore(run.interrupt);
  if (job.interrupted !== undefined) {
    expectEqual(
      ['RST-06'],
      'the interrupted restore',
      job.interrupted,
      run.interrupt!.by === 'stop' ? 'stopped' : 'held',
    );
  }
  expectEqual(['RST-06'], 'the restore job', job.state, 'completed');
  const goneKeys = new Set(gone.map((b) => b.key));
  const restored = chosen.filter((b) => goneKeys.has(b.key));
  const skipped = chosen.filter((b) => !goneKeys.has(b.key));
  const copies = await app.copies();
  // Every selected item restored or skipped, and no other; after Resume restoration, the rest of them too. A run
  // with an interrupt resumes its restore (through the screens the LAN is cut before Restore, and the job, held,
  // may go on by itself and read as never interrupted).
  const resumed = run.interrupt !== null;
  if (resumed) {
    const left = restored.filter((b) => (copies.get(b.key) ?? 0) === 0).map((b) => b.name);
    expectEqual(['RST-06'], 'selected items not back after Resume restoration', left, []);
  }
  const handled = kindCounts([]);
  for (const kind of Object.keys(handled) as ItemKind[]) handled[kind] = job.restored[kind] + job.skipped[kind];
  const what = 'items restored or skipped per kind';
  expectEqual([resumed ? 'RST-06' : 'RST-02'], what, handled, kindCounts(chosen.map((b) => b.kind)));
  // Skips first: an item restored over its copy on the phone breaks RST-07 before it spoils the restored count.
  expectEqual(['RST-08', 'RST-07'], 'items skipped per kind', job.skipped, kindCounts(skipped.map((b) => b.kind)));
  expectEqual(['RST-08', 'RST-02'], 'items restored per kind', job.restored, kindCounts(restored.map((b) => b.kind)));
  if (job.downloaded) {
    const expected = sorted(restored.map((b) => b.key));
    expectEqual(['RST-06', 'RST-07'], 'items downloaded', sorted(job.downloaded), expected);
  }
  for (const b of app.backed) {
    const expected = goneKeys.has(b.key) && !want.selected.has(b.key) ? 0 : 1;
    const rule = goneKeys.has(b.key) ? 'RST-02' : 'RST-07';
    expectEqual([rule], `copies of ${b.name} on the phone`, copies.get(b.key) ?? 0, expected);
  }
  await app.accounts?.verify(!run.forgetAccounts || want.accounts);
}
