/**
 * The restore file explorer property (explorer-model.ts) through the app's screens: the explorer's tabs,
 * kinds, All and Album views, the enlarge toggle, Select all and Deselect all, and its thumbnails read from the page
 * source (each group's title, its rows, each thumbnail's name and tick), with "n selected" and "n per row". Each
 * column sets up one phone through the screens: photos over five days in two albums (three on one day, so rows of
 * 4 and of 2 differ, and one day long enough that Select all must reach past a screen), videos and, on Android, documents, backed up; then free up space on with too little room, which takes the
 * oldest photo to the Archive tab, and a photo and a video deleted. Each run opens a fresh explorer;
 * after each action it reads the view the action showed, and every tab and kind at the start and end of a run.
 *
 * What the screens cannot show: nothing of the property is left out. Documents by folder (RFE-13) stays with
 * restore-explorer-document-folders: the app backs up documents from internal storage only, where `mobile: addMedia`
 * puts them all in one folder (a folder parameter on it would give a second).
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext, CheckOutcome } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { TABS } from '../../../simulators/app/restore-page.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { BASE_DATE, DAY, expectTrue } from '../../kit/device-support.js';
import { explorerActions, explorerRun, type ExplorerItem, type ExplorerPort } from './explorer-model.js';
import { explorerGroups, leadingNumber, readScreen, type Shown } from './screens-page-source.js';
import { addItem, backUp, locate, openRestore } from './screens-support.js';
import { pairThroughScreens, state, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

/**
 * The phone's photos through the screens: a few, within one screen. The in-process property adds a day long enough
 * to run past a screen (explorer-model.ts); a real device's page source leaves out cells scrolled off the screen,
 * and these steps read one page source a screen.
 */
const PHOTOS = [
  { day: 30, album: 'Camera' },
  { day: 2, album: 'Camera' },
  { day: 2, album: 'WhatsApp', deleted: true },
  { day: 1, album: 'Camera' },
  { day: 0, album: 'WhatsApp' },
  { day: 0, album: 'Camera' },
  { day: 0, album: 'Camera' },
];
const VIDEOS = [
  { day: 1, album: 'Camera' },
  { day: 2, album: 'Camera', deleted: true },
];

/** The phone's items, backed up and spread over the three tabs, as the explorer lists them. */
async function filledTabs(driver: AppDriver, platform: Platform): Promise<ExplorerItem[]> {
  const added = [];
  for (const [kind, list] of [
    ['photo', PHOTOS],
    ['video', VIDEOS],
  ] as const) {
    for (const [n, spec] of list.entries()) {
      const capturedAt = BASE_DATE - spec.day * DAY - n;
      const item = await addItem(driver, { kind, size: 500 + added.length, capturedAt, album: spec.album });
      added.push({ ...item, ...spec, date: new Date(capturedAt).toISOString().slice(0, 10) });
    }
  }
  if (platform === 'android')
    for (const n of [1, 2]) added.push({ ...(await addItem(driver, { kind: 'document', size: 300 + n })), album: '' });
  await backUp(driver);
  // Free up space needs room for one item more: the oldest photo goes to the Archive tab. It runs before the
  // deletions, since iOS counts what waits in Recently Deleted as freed.
  if (!(await state(driver)).settings.freeUpSpace) {
    await driver.tap('tab-more');
    await driver.tap('more-free-up-space');
  }
  await driver.execute('mobile: setStorage', { freeBytes: 2e9 - 1 });
  await backUp(driver);
  // An app whose free up space takes more than it should may have taken one of them already: it then shows in
  // the Archive tab, as the server has it, and the explorer's rules hold over whatever the tabs hold.
  const onPhone = new Set((await driver.execute('mobile: deviceInfo')).media.map((m) => m.id));
  const toDelete = added.filter((a) => 'deleted' in a && onPhone.has(a.id)).map((a) => a.id);
  await driver.execute('mobile: deleteMedia', { ids: toDelete });
  await backUp(driver);
  const kinds = ['photo', 'video', 'document'] as const;
  const found = await locate(driver, kinds);
  const items = added.map((item): ExplorerItem => {
    const shown = found.get(item.name) ?? [];
    if (shown.length !== 1) throw new Error(`${item.name} shows ${shown.length} times in the file explorer`);
    const { element: key, tab } = shown[0]!;
    return { key, name: item.name, kind: item.kind, tab, day: 'date' in item ? item.date : '', album: item.album };
  });
  return TABS.flatMap((tab) => items.filter((i) => i.tab === tab));
}

function screensExplorer(driver: AppDriver, items: readonly ExplorerItem[], kinds: readonly ItemKind[]): ExplorerPort {
  /** Where the explorer is, and what it showed last: every action is followed by a look. */
  let at = { tab: 'recent', kind: 'photo' as ItemKind };
  let screen = new Map<string, Shown>();
  const go = async (tab: string, kind: ItemKind) => {
    if (kind !== at.kind) await driver.tap(`explorer-kind-${kind}`);
    if (tab !== at.tab) await driver.tap(`explorer-tab-${tab}`);
    at = { tab, kind };
  };
  return {
    items,
    setView: (view) => driver.tap(`explorer-view-${view}`),
    async setEnlarged(on) {
      if ((screen.get('explorer-enlarge')?.checked ?? false) !== on) await driver.tap('explorer-enlarge');
    },
    async toggle(item) {
      await go(item.tab, item.kind);
      await driver.tap(item.key);
    },
    async selectAll(tab, kind, all) {
      // iOS restores no documents: the explorer has no such kind.
      if (!kinds.includes(kind)) return;
      await go(tab, kind);
      await driver.tap(all ? 'explorer-select-all' : 'explorer-deselect-all');
    },
    async observe(everything) {
      const views = everything ? kinds.flatMap((kind) => TABS.map((tab) => ({ tab, kind }))) : [at];
      const ticked = new Map<string, boolean>();
      const groups = [];
      for (const { tab, kind } of views) {
        await go(tab, kind);
        screen = await readScreen(driver);
        const shown = explorerGroups(screen);
        for (const cell of shown.flatMap((g) => g.rows.flat())) ticked.set(cell.id, cell.ticked);
        groups.push({
          tab: at.tab as (typeof TABS)[number],
          kind,
          groups: shown.map((g) => [g.title, g.rows.flat().map((c) => c.name)] as const),
          rows: shown.map((g) => g.rows.map((r) => r.length)),
        });
      }
      const perRow = leadingNumber(screen.get('explorer-per-row')?.text);
      return { perRow, count: leadingNumber(screen.get('explorer-selected')?.text), ticked, groups };
    },
  };
}

/** The same property through the app's screens: over WebDriver with `mbsc run --via appium`. */
export const uiRestoreExplorerCheck: Check = {
  id: 'restore-explorer-model-screens',
  title:
    'Through the screens: the restore file explorer shows 4 or 2 per row, the count selected, Select all and Deselect all of the view, single items, and every tab by date or by album',
  area: 'RFE',
  requirements: ['RFE-01', 'RFE-02', 'RFE-03', 'RFE-04', 'RFE-05', 'RFE-14', 'RFE-15'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'restore-explorer-property', device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const platform = context.column.profile.platform;
    const kinds: ItemKind[] = platform === 'android' ? ['photo', 'video', 'document'] : ['photo', 'video'];
    let outcome: CheckOutcome | undefined;
    await withApp(context, async (driver) => {
      await pairThroughScreens(driver, context.session);
      const items = await filledTabs(driver, platform);
      const filled = TABS.every((tab) => items.some((i) => i.tab === tab));
      expectTrue(['RFE-15'], filled, 'the setup left a tab empty');
      const property = fc.asyncProperty(explorerActions(8), async (steps) => {
        await openRestore(driver);
        await driver.tap('restore-browse-photo');
        await explorerRun(screensExplorer(driver, items, kinds), steps);
      });
      outcome = await checkProperty(property, context);
    });
    return outcome!;
  },
};
