/**
 * The restore main page property (main-page-model.ts) through the app's screens: the page's rows (checkbox,
 * "n of N selected, 2.78GB" or "No items", the colour the checkbox shows), Browse into the file explorer for single
 * items and Select all or Deselect all of a tab, and Restore. Each column sets up one phone through the screens:
 * paired by QR, a 2FA account registered by QR code (not on Home, which has no 2FA), photos and, on Android,
 * videos backed up, then a photo deleted and backed up again; each run opens a fresh restore page on it.
 *
 * What the screens cannot show: RST-16, since an app installation registers as one authenticator of a server, so
 * the phone holds one account and a group cannot be told from it (a `mobile:` method that puts accounts on the phone
 * would show it); the gray folder icon of an empty kind (only "No items" is drawn, as in the model),
 * and whether Restore would go ahead with something selected without starting a restore (so it is tried with
 * nothing selected only). restore-main-page-android and -ios keep checking these in process.
 */
import fc from 'fast-check';
import type { Check, DeviceCheckContext, CheckOutcome } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import { Violation } from '../../kit/violation.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { TABS, type RestoreRowKind } from '../../../simulators/app/restore-page.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { pageOps, pageRun, type PageItem, type PageRow, type RestorePagePort } from './main-page-model.js';
import { addAccount, addItem, backUp, locate, openRestore } from './screens-support.js';
import { readScreen, type Shown } from './screens-page-source.js';
import { pairThroughScreens, state, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const ROWS: readonly RestoreRowKind[] = ['photo', 'video', 'document', '2fa'];

/** Photos (one deleted after the first backup) and, on Android, videos: no documents, so one kind is empty. */
async function backedUpItems(driver: AppDriver, platform: Platform): Promise<PageItem[]> {
  const photos = [];
  for (const n of [1, 2, 3]) photos.push(await addItem(driver, { kind: 'photo', size: 1000 * n }));
  const videos = [];
  if (platform === 'android')
    for (const n of [1, 2]) videos.push(await addItem(driver, { kind: 'video', size: 700 * n }));
  await backUp(driver);
  await driver.execute('mobile: deleteMedia', { ids: [photos[0]!.id] });
  await backUp(driver);
  const found = await locate(driver, ['photo', 'video']);
  const items = [...photos, ...videos].map((item) => {
    const shown = found.get(item.name) ?? [];
    if (shown.length !== 1) throw new Error(`${item.name} shows ${shown.length} times in the file explorer`);
    return { key: shown[0]!.element, kind: item.kind, size: item.size, tab: shown[0]!.tab };
  });
  return TABS.flatMap((tab) => items.filter((i) => i.tab === tab));
}

/** A row as drawn: "No items", or "n of N selected" (with ", 2.78GB" for a kind of files), and the colour. */
function row(kind: RestoreRowKind, screen: ReadonlyMap<string, Shown>): PageRow {
  const summary = screen.get(`restore-summary-${kind}`)?.text;
  const colour = screen.get(`restore-colour-${kind}`)?.text ?? '';
  if (summary === 'No items') return { kind, selected: 0, bytes: 0, total: 0, noItems: true, colour };
  const counts = /^(\d+) of (\d+) selected(?:, (\S+))?$/.exec(summary ?? '');
  if (!counts) throw new Violation(['RST-13'], `the ${kind} row says "${summary}"`);
  const [selected, total] = [counts[1], counts[2]].map(Number) as [number, number];
  return { kind, selected, bytes: counts[3] ?? '', total, noItems: false, colour };
}

function screensPage(driver: AppDriver, platform: Platform, items: PageItem[], accounts: number): RestorePagePort {
  /** The page as last read: every tap of the model is followed by a read of the rows. */
  let screen = new Map<string, Shown>();
  const shownKinds = () => ROWS.filter((kind) => screen.has(`restore-select-${kind}`));
  const explore = async (kind: string, tab: string, act: () => Promise<void>) => {
    await driver.tap(`restore-browse-${kind}`);
    await driver.tap(`explorer-tab-${tab}`);
    await act();
    await driver.tap('explorer-done');
  };
  return {
    platform,
    items,
    accounts,
    async kinds() {
      screen = await readScreen(driver);
      return shownKinds();
    },
    async tapKind(kind) {
      if (!screen.has(`restore-select-${kind}`)) return false;
      await driver.tap(`restore-select-${kind}`);
      return true;
    },
    toggle: (item) => explore(item.kind, item.tab, () => driver.tap(item.key)),
    async selectAll(tab, kind, all) {
      // No Browse for a kind with nothing backed up: there is nothing to select.
      if (!screen.has(`restore-browse-${kind}`)) return;
      await explore(kind, tab, () => driver.tap(all ? 'explorer-select-all' : 'explorer-deselect-all'));
    },
    async rows() {
      screen = await readScreen(driver);
      return shownKinds().map((kind) => row(kind, screen));
    },
    async restoreRefused(nothingSelected) {
      if (!nothingSelected) return undefined;
      await driver.tap('restore-start');
      const seen = await driver.execute('mobile: waitForIdle', {});
      const refused = seen.screen === 'restore' && seen.message !== null;
      if (refused) await driver.tap('message-ok');
      return refused;
    },
  };
}

function uiRestorePageCheck(platform: Platform): Check {
  const offered = platform === 'android' ? 'RST-03' : 'RST-04';
  return {
    id: `restore-main-page-${platform}-screens`,
    title: `Through the screens: the ${platform === 'android' ? 'Android' : 'iOS'} restore page's kinds, nothing selected at first, counts and sizes, blue and orange checkboxes, "No items", kind taps, the 2FA row, and no restore with nothing selected`,
    area: 'RST',
    // RST-16 is left to restore-main-page-android and -ios: see above.
    requirements: [offered, 'RST-05', 'RST-13', 'RST-14', 'RST-15', 'RST-17', 'RST-18', 'RFE-11', 'RFE-12'],
    scope: 'device',
    tags: ['ui'],
    // Registering the 2FA account turns 2FA on for every client of the server: nothing may run beside it.
    exclusive: true,
    applies: where({ overWebDriverOf: `restore-main-page-${platform}`, device: 'paired', platform }),
    async run(context: DeviceCheckContext) {
      let outcome: CheckOutcome | undefined;
      await withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        const twoFactor = context.session.edition !== 'home';
        const removeAccounts = twoFactor ? await addAccount(driver, context.session) : async () => undefined;
        try {
          const items = await backedUpItems(driver, platform);
          const accounts = (await state(driver)).accounts.length;
          const property = fc.asyncProperty(pageOps(6), async (taps) => {
            await openRestore(driver);
            await pageRun(screensPage(driver, platform, items, accounts), taps);
          });
          outcome = await checkProperty(property, context);
        } finally {
          await removeAccounts();
        }
      });
      return outcome!;
    },
  };
}

/** Over WebDriver with `mbsc run --via appium`; in process, restore-main-page-android and -ios. */
export const uiRestorePageChecks: Check[] = [uiRestorePageCheck('android'), uiRestorePageCheck('ios')];
