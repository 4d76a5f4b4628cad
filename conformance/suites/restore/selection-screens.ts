/**
 * The restore selection property through the app's screens: Backup and Restore, the restore page's kind checkboxes
 * and summaries, the file explorer's items, Stop and Resume restoration, and `mobile:` methods for the device
 * (media, network, what the job says). Each run opens the app on a new phone, pairs it, backs up a few items of
 * distinct sizes and then restores: the phone's copies of an item are told apart by size, since the screens do not
 * show content hashes and iOS gives a restored photo a new name.
 *
 * Not through the screens: the 2FA accounts (no screen removes an account, so a restore of the group would show
 * nothing; the 2FA taps and forgetting are left out, and with them RST-12 and RST-16), the wire (which items were
 * downloaded; copies on the phone and the skipped counts show RST-07 instead), and an interruption after the n-th
 * download: the LAN is cut before Restore is tapped, and Stop is tapped while the job holds for it.
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { RestoreRowKind } from '../../../simulators/app/restore-page.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { kindCounts } from '../../kit/device-support.js';
import { restoreRun, runs, type Offered, type RestoreApp } from './selection-commands.js';
import { pairThroughScreens, state, tapBackup, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const ROWS: readonly RestoreRowKind[] = ['photo', 'video', 'document', '2fa'];
const KINDS: readonly ItemKind[] = ['photo', 'video', 'document'];

/**
 * The phone's items as backed-up-phone.ts backs them up: photos, videos and, on Android, documents, each of
 * its own size.
 */
function phoneItems(platform: Platform) {
  const items: { kind: ItemKind; extension: string }[] = [
    { kind: 'photo', extension: 'jpg' },
    { kind: 'photo', extension: 'png' },
    { kind: 'photo', extension: 'heic' },
    { kind: 'video', extension: 'mp4' },
    { kind: 'video', extension: 'mov' },
  ];
  if (platform === 'android')
    items.push({ kind: 'document', extension: 'pdf' }, { kind: 'document', extension: 'mp3' });
  return items.map((item, i) => ({ ...item, size: 600 + 300 * i }));
}

/** Puts the items on the phone and backs them up with Backup: the items, and their ids on the phone by key. */
async function backUpPhone(driver: AppDriver, platform: Platform) {
  const backed: Offered[] = [];
  const ids = new Map<string, string>();
  for (const item of phoneItems(platform)) {
    const { ids: added } = await driver.execute('mobile: addMedia', {
      kind: item.kind,
      count: 1,
      sizeBytes: item.size,
      extension: item.extension,
    });
    const info = await driver.execute('mobile: deviceInfo');
    const key = String(item.size);
    backed.push({ key, kind: item.kind, name: info.media.find((m) => m.id === added[0])!.name });
    ids.set(key, added[0]!);
  }
  const seen = await tapBackup(driver);
  if (seen.backup?.state !== 'completed') throw new Error(`the backup before restoring: ${seen.backup?.state}`);
  return { backed, ids };
}

function screensApp(driver: AppDriver, backed: readonly Offered[], ids: ReadonlyMap<string, string>): RestoreApp {
  /** The explorer's item elements of one kind in the Recent tab, by the name each shows. */
  const itemIds = async (kind: ItemKind) => {
    await driver.tap(`explorer-kind-${kind}`);
    await driver.tap('explorer-tab-recent');
    await driver.tap('explorer-view-all');
    const found = new Map<string, string>();
    for (const line of (await driver.pageSource()).split('\n')) {
      const id = /"(item-[0-9a-f]{16})"/.exec(line)?.[1];
      const name = / (?:text|label)="([^"]*)"/.exec(line)?.[1];
      if (id && name) found.set(name, id);
    }
    return found;
  };
  const idle = () => driver.execute('mobile: waitForIdle', {});
  return {
    // The server offers what the backup took: the explorer shows whether it does when an item is toggled.
    items: backed,
    backed,
    async deleteFromPhone(gone) {
      if (gone.length > 0) await driver.execute('mobile: deleteMedia', { ids: gone.map((b) => ids.get(b.key)!) });
    },
    async openPage() {
      await driver.tap('tab-backup');
      await driver.tap('backup-restore');
      const source = await driver.pageSource();
      return ROWS.filter((kind) => source.includes(`"restore-select-${kind}"`));
    },
    tapKind: (kind) => driver.tap(`restore-select-${kind}`),
    async toggle(item) {
      await driver.tap(`restore-browse-${item.kind}`);
      const id = (await itemIds(item.kind)).get(item.name);
      if (!id) throw new Error(`the file explorer does not list ${item.name}`);
      await driver.tap(id);
      await driver.tap('explorer-done');
    },
    async refusesEmpty() {
      await driver.tap('restore-start');
      const seen = await idle();
      return seen.screen === 'restore' && seen.message !== null && seen.restore === null;
    },
    async carried() {
      const perKind = kindCounts([]);
      for (const kind of KINDS) {
        const source = await driver.pageSource();
        if (!source.includes(`"restore-summary-${kind}"`)) continue;
        const summary = await driver.text(`restore-summary-${kind}`);
        perKind[kind] = Number(/^(\d+) of \d+ selected/.exec(summary)?.[1] ?? 0);
      }
      return { perKind };
    },
    async restore(interrupt) {
      if (interrupt) await driver.execute('mobile: setNetwork', { network: 'off' });
      await driver.tap('restore-start');
      let seen = await idle();
      let interrupted: string | undefined;
      if (interrupt) {
        // Held for the LAN; Stop then takes effect once the LAN is back, and the job says it stopped.
        if (interrupt.by === 'stop') {
          await driver.tap('tab-backup');
          await driver.tap('backup-stop');
        } else interrupted = (await state(driver)).restore?.state;
        await driver.execute('mobile: setNetwork', { network: 'lan' });
        seen = await idle();
        if (interrupt.by === 'stop') {
          interrupted = seen.restore?.state;
          await driver.tap('tab-backup');
          await driver.tap('restore-resume');
          seen = await idle();
        }
      }
      const job = seen.restore;
      const none = kindCounts([]);
      return {
        ...(interrupted && interrupted !== 'completed' ? { interrupted } : {}),
        state: job?.state ?? 'none',
        restored: job
          ? { photo: job.restored.photo, video: job.restored.video, document: job.restored.document }
          : none,
        skipped: job ? { photo: job.skipped.photo, video: job.skipped.video, document: job.skipped.document } : none,
      };
    },
    async copies() {
      const copies = new Map<string, number>();
      for (const m of (await driver.execute('mobile: deviceInfo')).media) {
        copies.set(String(m.size), (copies.get(String(m.size)) ?? 0) + 1);
      }
      return copies;
    },
  };
}

/** The same property through the app's screens: over WebDriver with `mbsc run --via appium`. */
export const uiRestoreSelectionCheck: Check = {
  id: 'restore-selection-screens',
  title:
    'Through the screens: restore brings back exactly the selected items not on the phone, skips the others, reports both per kind, and resumes after Stop or a lost LAN',
  area: 'RST',
  // The 2FA group (RST-12, RST-16) is left to restore-selection-property: see above.
  requirements: ['RST-02', 'RST-05', 'RST-06', 'RST-07', 'RST-08', 'RFE-14'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'restore-selection-property', device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const platform = context.column.profile.platform;
    const property = fc.asyncProperty(runs, (run) =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        const { backed, ids } = await backUpPhone(driver, platform);
        await restoreRun(screensApp(driver, backed, ids), run);
      }),
    );
    return checkProperty(property, context);
  },
};
