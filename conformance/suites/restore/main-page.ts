/**
 * The restore main page (seed 000 §6.2.2.1, §11.1, Appendix B), as a property over taps: kinds' checkboxes, single
 * items, Select all and Deselect all in the explorer, and the 2FA group, on a page opened once per column over a
 * real backup. The property (main-page-model.ts) acts on a port; here its adapter is the app model's restore page
 * in process, over the server's lists. Through the app's screens it is restore-main-page-android-screens and -ios.
 */
import fc from 'fast-check';
import type { Static } from 'typebox';
import { ClientError } from '../../spec/errors.js';
import type { TabName } from '../../spec/protocol/common.js';
import type { AuthenticatorAccount } from '../../spec/protocol/resources.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import { openRestorePage, RestorePage, TABS } from '../../../simulators/app/restore-page.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { addMedia, newWorld, type ServerItem } from '../../kit/device-support.js';
import { pageOps, pageRun, verifyPage, type RestorePagePort } from './main-page-model.js';
import { where } from '../../kit/applies.js';
import { expectSizeShown } from './size-shown.js';

/** The seed's 2.78GB and 27.43MB, and sizes on each side of where a unit gives way to the next. */
const SIZES_OF_EVERY_UNIT = [0, 999, 1000, 999_994, 999_996, 27_430_000, 2_780_000_000, 999_995_000_000, 4.2e12];

/** A backed-up phone with photos in Recent and Deleted, videos on Android only, no documents: one kind is empty. */
async function openPage(context: DeviceCheckContext) {
  const world = await newWorld(context);
  const { app, device } = world;
  const photos = [1, 2, 3].map((n) => addMedia(world, { name: `IMG_${n}.jpg`, size: 1000 * n }));
  if (device.platform === 'android') for (const n of [1, 2]) addMedia(world, { name: `VID_${n}.mp4`, size: 700 * n });
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
  return { page, lists, accounts, sizeText: app.rules.sizeText };
}

/** The app model's restore page in process, over the server's lists of each tab. */
function pageAdapter(
  page: RestorePage,
  lists: Record<TabName, ServerItem[]>,
  accounts: readonly Static<typeof AuthenticatorAccount>[],
  sizeText: (bytes: number) => string,
): RestorePagePort {
  const byKey = new Map(TABS.flatMap((tab) => lists[tab]).map((i) => [i.sha256, i]));
  return {
    platform: page.platform,
    items: TABS.flatMap((tab) => lists[tab].map((i) => ({ key: i.sha256, kind: i.meta.kind, size: i.size, tab }))),
    accounts: accounts.length,
    kinds: async () => page.kinds,
    async tapKind(kind) {
      try {
        page.tap(kind);
        return true;
      } catch (error) {
        if (error instanceof RangeError) return false;
        throw error;
      }
    },
    toggle: async (item) => page.selection.toggle(byKey.get(item.key)!),
    async selectAll(tab, kind, all) {
      if (all) page.selection.selectAll(tab, kind);
      else page.selection.deselectAll(tab, kind);
    },
    rows: async () =>
      page.kinds.map((kind) => {
        const row = page.row(kind);
        const { selected, selectedBytes, total, noItems, checkbox: colour } = row;
        // The size as the page writes it (RST-18), which the property reads back.
        return { kind, selected, bytes: sizeText(selectedBytes), total, noItems, colour };
      }),
    async restoreRefused() {
      try {
        page.plan();
        return false;
      } catch (error) {
        return error instanceof ClientError && error.code === 'restore-nothing-selected';
      }
    },
  };
}

function restorePageCheck(platform: Platform): Check {
  const offered = platform === 'android' ? 'RST-03' : 'RST-04';
  return {
    id: `restore-main-page-${platform}`,
    title: `The ${platform === 'android' ? 'Android' : 'iOS'} restore page: its kinds, nothing selected at first, counts and sizes, blue and orange checkboxes, "No items", kind taps, the 2FA group, and no restore with nothing selected`,
    area: 'RST',
    requirements: [offered, 'RST-05', 'RST-13', 'RST-14', 'RST-15', 'RST-16', 'RST-17', 'RST-18', 'RFE-11', 'RFE-12'],
    scope: 'device',
    applies: where({ device: 'paired', platform }),
    async run(context: DeviceCheckContext) {
      const opened = await openPage(context);
      const { lists, accounts, sizeText } = opened;
      // Sizes beyond the few KB of the backed-up items, in every unit and at each unit's edge.
      for (const bytes of SIZES_OF_EVERY_UNIT) expectSizeShown(sizeText(bytes), bytes, `a size of ${bytes} bytes`);
      // The page the app opened: nothing selected yet.
      await verifyPage(pageAdapter(opened.page, lists, accounts, sizeText), new Set(), false);
      // Each run on a fresh page like the one the app opened: its option, scope and rows are the app's.
      const { rules, option, scope, kinds } = opened.page;
      const fresh = () => new RestorePage(platform, lists, accounts, rules, option, scope, kinds);
      const property = fc.asyncProperty(pageOps(10), (taps) =>
        pageRun(pageAdapter(fresh(), lists, accounts, sizeText), taps),
      );
      return checkProperty(property, context);
    },
  };
}

export const restorePageChecks: Check[] = [restorePageCheck('android'), restorePageCheck('ios')];
