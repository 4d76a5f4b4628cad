/**
 * The restore main page (seed 000 §6.2.2.1, §11.1, Appendix B), as a property over taps: kinds' checkboxes, single
 * items, Select all and Deselect all in the explorer, and the 2FA group, on a page opened once per column over a
 * real backup. After every tap each row shows the model's count, size and checkbox colour, an empty kind shows
 * "No items", and Restore is refused exactly when nothing is selected.
 */
import fc from 'fast-check';
import { ClientError } from '../spec/errors.js';
import type { ItemKind } from '../spec/file-types.js';
import type { TabName } from '../spec/protocol/common.js';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty } from '../framework/property.js';
import { openRestorePage, RestorePage, TABS, type RestoreRowKind } from '../../simulators/app/restore-page.js';
import type { Platform } from '../../simulators/device/device-spec.js';
import { addMedia, deviceNeeds, expectEqual, expectTrue, newWorld, type ServerItem } from './device-support.js';

const KINDS: Record<Platform, readonly RestoreRowKind[]> = {
  android: ['photo', 'video', 'document', '2fa'],
  ios: ['photo', 'video', '2fa'],
};

type Op =
  | { readonly tap: RestoreRowKind }
  | { readonly toggle: number }
  | { readonly all: boolean; readonly tab: TabName; readonly kind: ItemKind };

const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.constantFrom<RestoreRowKind>('photo', 'video', 'document', '2fa').map((tap) => ({ tap })),
    fc.nat(20).map((toggle) => ({ toggle })),
    fc.record({
      all: fc.boolean(),
      tab: fc.constantFrom<TabName>('recent', 'archive', 'deleted'),
      kind: fc.constantFrom<ItemKind>('photo', 'video', 'document'),
    }),
  ),
  { maxLength: 10 },
);

/** A backed-up phone with photos in Recent and Deleted, videos on Android only, no documents: one kind is empty. */
async function openPage(context: CheckContext) {
  const world = await newWorld(context.session, context.column.profile!);
  const { app, device } = world;
  const photos = [1, 2, 3].map((n) => addMedia(device, { name: `IMG_${n}.jpg`, size: 1000 * n }));
  if (device.platform === 'android') for (const n of [1, 2]) addMedia(device, { name: `VID_${n}.mp4`, size: 700 * n });
  app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
  app.accounts.addFromSecret('Mail', 'me@example.com', 'GEZDGNBVGY3TQOJQ');
  await app.backup();
  device.removeMedia(photos[0]!.id);
  await app.backup();
  const page = await openRestorePage(app);
  const lists = Object.fromEntries(
    await Promise.all(TABS.map(async (tab) => [tab, await app.listRestorable(tab)] as const)),
  ) as Record<TabName, ServerItem[]>;
  const { accounts } = await app.client().call('getLatestSnapshot');
  return { page, lists, accounts };
}

function restorePageCheck(platform: Platform): Check {
  const offered = platform === 'android' ? 'RST-03' : 'RST-04';
  return {
    id: `restore-main-page-${platform}`,
    title: `The ${platform === 'android' ? 'Android' : 'iOS'} restore page: its kinds, nothing selected at first, counts and sizes, blue and orange checkboxes, "No items", kind taps, the 2FA group, and no restore with nothing selected`,
    area: 'RST',
    requirements: [offered, 'RST-05', 'RST-13', 'RST-14', 'RST-15', 'RST-16', 'RST-17', 'RFE-11', 'RFE-12'],
    scope: 'device',
    applies: deviceNeeds({ platform }),
    async run(context: CheckContext) {
      const opened = await openPage(context);
      const { lists } = opened;
      const all = TABS.flatMap((tab) => lists[tab]);
      const accounts = opened.accounts.length;
      // The page the app opened: nothing selected yet.
      verifyRows(opened.page, all, new Set(), false, accounts);
      const property = fc.asyncProperty(ops, async (taps) => {
        const page = new RestorePage(platform, lists, opened.accounts);
        expectEqual([offered], 'the kinds the restore page offers', page.kinds, KINDS[platform]);
        const selected = new Set<string>();
        let group = false;
        verifyRows(page, all, selected, group, accounts);
        for (const op of taps) {
          if ('tap' in op) {
            if (!KINDS[platform].includes(op.tap)) {
              let refused = false;
              try {
                page.tap(op.tap);
              } catch {
                refused = true;
              }
              expectTrue([offered], refused, `the ${platform} restore page let the user tap ${op.tap}`);
              continue;
            }
            if (op.tap === '2fa') group = accounts > 0 && !group;
            else {
              const ofKind = all.filter((i) => i.meta.kind === op.tap);
              const none = ofKind.every((i) => !selected.has(i.sha256));
              for (const i of ofKind)
                if (none) selected.add(i.sha256);
                else selected.delete(i.sha256);
            }
            page.tap(op.tap);
          } else if ('toggle' in op) {
            const item = all[op.toggle % all.length]!;
            if (!selected.delete(item.sha256)) selected.add(item.sha256);
            page.selection.toggle(item);
          } else {
            for (const i of lists[op.tab].filter((i) => i.meta.kind === op.kind)) {
              if (op.all) selected.add(i.sha256);
              else selected.delete(i.sha256);
            }
            if (op.all) page.selection.selectAll(op.tab, op.kind);
            else page.selection.deselectAll(op.tab, op.kind);
          }
          verifyRows(page, all, selected, group, accounts);
        }
      });
      return checkProperty(property, context);
    },
  };
}

function verifyRows(
  page: RestorePage,
  all: readonly ServerItem[],
  selected: Set<string>,
  group: boolean,
  accounts: number,
) {
  for (const kind of page.kinds) {
    const row = page.row(kind);
    const items = kind === '2fa' ? [] : all.filter((i) => i.meta.kind === kind);
    const total = kind === '2fa' ? accounts : items.length;
    const chosen = kind === '2fa' ? (group ? accounts : 0) : items.filter((i) => selected.has(i.sha256)).length;
    const bytes = items.filter((i) => selected.has(i.sha256)).reduce((n, i) => n + i.size, 0);
    const colour = chosen === 0 ? 'none' : chosen === total ? 'blue' : 'orange';
    expectEqual(
      ['RST-13', 'RST-17', 'RFE-11', 'RFE-12'],
      `${kind}: selected and their size`,
      [row.selected, row.selectedBytes],
      [chosen, bytes],
    );
    expectEqual(['RST-14'], `${kind}: the checkbox`, row.checkbox, colour);
    expectEqual(['RST-15'], `${kind}: "No items"`, [row.total, row.noItems], [total, total === 0]);
    if (kind === '2fa')
      expectTrue(['RST-16'], row.selected === 0 || row.selected === total, '2FA accounts were selected one by one');
  }
  let refused = false;
  try {
    page.plan();
  } catch (error) {
    refused = error instanceof ClientError && error.code === 'restore-nothing-selected';
  }
  const nothing =
    ![...selected].some((sha) => all.some((i) => i.sha256 === sha && page.kinds.includes(i.meta.kind))) &&
    !(group && accounts > 0);
  expectEqual(['RST-05'], 'whether Restore is refused', refused, nothing);
}

export const restorePageChecks: Check[] = [restorePageCheck('android'), restorePageCheck('ios')];
