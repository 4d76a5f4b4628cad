/**
 * The restore file explorer (seed 000 §6.2.2.2, Appendix B), over a phone whose backup fills all three tabs: Recent,
 * Archive (free up space) and Delete. A property over explorer actions checks thumbnails per row, the count
 * selected, Select all and Deselect all of the current view, single items, and the All (by date, newest first)
 * and Album views of every tab; it acts on a port (explorer-model.ts), here the app model's selection in
 * process, and through the app's screens it is restore-explorer-model-screens. Scenarios check documents by
 * folder, restoring from the Delete tab while the device is registered and not once it is removed, and a photo
 * restored from the Archive tab leaving it for Recent once it is backed up again.
 */
import fc from 'fast-check';
import { MbsError } from '../../spec/errors.js';
import type { TabName } from '../../spec/protocol/common.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce, checkProperty } from '../../kit/property.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import { RestoreSelection } from '../../../simulators/app/restore-selection.js';
import { TABS } from '../../../simulators/app/restore-page.js';
import {
  addMedia,
  BASE_DATE,
  DAY,
  expectEqual,
  expectTrue,
  newWorld,
  sorted,
  type ServerItem,
} from '../../kit/device-support.js';
import { explorerActions, explorerRun, PHOTOS_OF_A_LONG_DAY, type ExplorerPort } from './explorer-model.js';
import { where } from '../../kit/applies.js';

/**
 * Photos over four days in two albums (one day long: explorer-model.ts), videos, documents in two folders (Android);
 * then some archived, some deleted.
 */
async function filledTabs(context: DeviceCheckContext) {
  const world = await newWorld(context);
  const { app, device } = world;
  const photo = (n: number, day: number, album: string) =>
    addMedia(world, { name: `IMG_${n}.jpg`, size: 500 + n, capturedAt: BASE_DATE - day * DAY - n, album });
  const photos = [
    photo(1, 30, 'Camera'),
    photo(2, 2, 'Camera'),
    photo(3, 2, 'WhatsApp'),
    photo(4, 1, 'Camera'),
    photo(5, 0, 'WhatsApp'),
  ];
  for (let n = 0; n < PHOTOS_OF_A_LONG_DAY; n += 1) photo(10 + n, 3, 'Camera');
  const videos = [1, 2].map((n) =>
    addMedia(world, { name: `VID_${n}.mp4`, size: 900, capturedAt: BASE_DATE - n * DAY, album: 'Camera' }),
  );
  if (device.platform === 'android') {
    for (const [n, folder] of ['Documents', 'Documents', 'Download'].entries()) {
      addMedia(world, { name: `doc_${n}.pdf`, folder, size: 300 });
    }
  }
  await app.backup();
  device.removeMedia(photos[2]!.id);
  device.removeMedia(videos[1]!.id);
  // Free up space takes the oldest photo to the Archive tab (on iOS, with Recently Deleted emptied first).
  if (device.platform === 'ios') device.clearRecentlyDeleted();
  app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
  device.setFreeBytes(2 * 1e9 - 1);
  await app.backup();
  const lists = Object.fromEntries(
    await Promise.all(TABS.map(async (tab) => [tab, await app.listRestorable(tab)] as const)),
  ) as Record<TabName, ServerItem[]>;
  return { world, lists };
}

const day = (item: ServerItem) => new Date(item.meta.capturedAt ?? item.confirmedAt).toISOString().slice(0, 10);

/** The app model's explorer selection in process, over the server's lists of each tab. */
function selectionAdapter(s: RestoreSelection, lists: Record<TabName, ServerItem[]>): ExplorerPort {
  const byKey = new Map(TABS.flatMap((tab) => lists[tab]).map((i) => [i.sha256, i]));
  const items = TABS.flatMap((tab) =>
    lists[tab].map((i) => ({
      key: i.sha256,
      name: i.meta.name,
      kind: i.meta.kind,
      tab,
      day: day(i),
      album: i.meta.album ?? '',
    })),
  );
  return {
    items,
    setView: async (view) => void (s.view = view),
    setEnlarged: async (on) => void (s.enlarged = on),
    toggle: async (item) => s.toggle(byKey.get(item.key)!),
    async selectAll(tab, kind, all) {
      if (all) s.selectAll(tab, kind);
      else s.deselectAll(tab, kind);
    },
    observe: async () => ({
      perRow: s.perRow,
      count: s.chosen().count,
      ticked: new Map(items.map((i) => [i.key, s.isSelected(byKey.get(i.key)!)])),
      groups: TABS.flatMap((tab) =>
        (['photo', 'video'] as const).map((kind) => ({
          tab,
          kind,
          groups: s.groups(tab, kind).map((g) => [g.title, g.items.map((i) => i.meta.name)] as const),
        })),
      ),
    }),
  };
}

const explorerProperty: Check = {
  id: 'restore-explorer-property',
  title:
    'The restore file explorer: 4 or 2 per row, the count selected, Select all and Deselect all of the view, single items, and every tab by date or by album',
  area: 'RFE',
  requirements: ['RFE-01', 'RFE-02', 'RFE-03', 'RFE-04', 'RFE-05', 'RFE-14', 'RFE-15'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const { world, lists } = await filledTabs(context);
    expectTrue(
      ['RFE-15'],
      TABS.every((tab) => lists[tab].length > 0),
      'the setup left a tab empty',
    );
    const property = fc.asyncProperty(explorerActions(12), (steps) =>
      explorerRun(selectionAdapter(new RestoreSelection(lists, world.app.rules), lists), steps),
    );
    return checkProperty(property, context);
  },
};

const documentFolders: Check = {
  id: 'restore-explorer-document-folders',
  title: 'Documents are browsed by folder, and Select all inside a folder selects that folder’s documents only',
  area: 'RFE',
  requirements: ['RFE-13'],
  scope: 'device',
  applies: where({ device: 'paired', platform: 'android' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { world, lists } = await filledTabs(context);
      const s = new RestoreSelection(lists, world.app.rules);
      for (const view of ['all', 'album'] as const) {
        s.view = view;
        const groups = s.groups('recent', 'document').map((g) => [g.title, sorted(g.items.map((i) => i.meta.name))]);
        expectEqual(['RFE-13'], `documents in the ${view} view`, groups, [
          ['/storage/emulated/0/Documents', ['doc_0.pdf', 'doc_1.pdf']],
          ['/storage/emulated/0/Download', ['doc_2.pdf']],
        ]);
      }
      s.selectGroup('recent', 'document', '/storage/emulated/0/Download');
      const chosen = sorted(s.chosen().items.map((i) => i.meta.name));
      expectEqual(['RFE-13'], 'documents selected by Select all in Download', chosen, ['doc_2.pdf']);
    }),
};

/** A scenario on a paired phone of either platform whose backup fills the three tabs (filledTabs). */
function tabsScenario(
  check: Pick<Check, 'id' | 'title' | 'requirements'>,
  scenario: (filled: Awaited<ReturnType<typeof filledTabs>>, context: DeviceCheckContext) => Promise<void>,
): Check {
  return {
    ...check,
    area: 'RFE',
    scope: 'device',
    applies: where({ device: 'paired' }),
    run: (context: DeviceCheckContext) => checkOnce(async () => scenario(await filledTabs(context), context)),
  };
}

const deleteTab = tabsScenario(
  {
    id: 'restore-delete-tab-while-registered',
    title:
      'Items in the Delete tab can be restored while the device is registered, and nothing is offered once it is removed',
    requirements: ['RFE-09', 'RFE-10'],
  },
  async ({ world, lists }, context) => {
    const { app, device } = world;
    const job = await app.restore(lists.deleted);
    expectEqual(['RFE-09'], 'items restored from the Delete tab', job.restored, { photo: 1, video: 1, document: 0 });
    const onPhone = new Set(device.mediaItems().map(hashOf));
    const missing = lists.deleted.filter((d) => !onPhone.has(d.sha256)).map((d) => d.meta.name);
    expectEqual(['RFE-09'], 'Delete tab items missing from the phone after the restore', missing, []);
    await context.session.console!.call('removeDevice', { params: { deviceId: app.pairing!.deviceId } });
    let offered: string;
    try {
      offered = `${(await app.listRestorable('deleted')).length} items`;
    } catch (error) {
      offered = error instanceof MbsError ? error.code : String(error);
    }
    expectEqual(['RFE-10'], 'what restore offers once the device is removed', offered, 'device-unauthorized');
  },
);

const archiveTabAfterRestore = tabsScenario(
  {
    id: 'restore-archive-tab-after-restore',
    title:
      'Recent lists the backed-up items still on the phone, apart from Archive and Delete; an item restored from Archive and backed up again with room to spare leaves Archive for Recent',
    requirements: ['RFE-06', 'RFE-07'],
  },
  async ({ world, lists }) => {
    const { app, device } = world;
    const names = (items: readonly ServerItem[]) => sorted(items.map((i) => i.meta.name));
    const onPhone = new Set(device.mediaItems().map(hashOf));
    const backedUp = new Map(TABS.flatMap((tab) => lists[tab]).map((i) => [i.sha256, i]));
    const inRecent = new Set(lists.recent.map((i) => i.sha256));
    const shown = {
      notOnPhone: names(lists.recent.filter((i) => !onPhone.has(i.sha256))),
      leftOut: names([...backedUp.values()].filter((i) => onPhone.has(i.sha256) && !inRecent.has(i.sha256))),
    };
    expectEqual(['RFE-06'], 'the Recent tab against the backed-up items on the phone', shown, {
      notOnPhone: [],
      leftOut: [],
    });
    expectEqual(['RFE-07'], 'the Archive tab after free up space', names(lists.archive), ['IMG_1.jpg']);
    await app.restore(lists.archive);
    // Room to spare, so that free up space takes nothing this time: the restored photo stays on the phone.
    device.setFreeBytes(10 * 1e9);
    await app.backup();
    const archive = await app.listRestorable('archive');
    expectEqual(['RFE-07'], 'the Archive tab once the photo is back on the phone', names(archive), []);
    const recent = names(await app.listRestorable('recent'));
    expectTrue(['RFE-06'], recent.includes('IMG_1.jpg'), 'the photo back on the phone is not in the Recent tab');
  },
);

export const restoreExplorerChecks: Check[] = [explorerProperty, documentFolders, deleteTab, archiveTabAfterRestore];
