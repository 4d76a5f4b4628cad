/**
 * Restore scenarios through the screens: what the restore page offers after each of two backups (each item once, in
 * its latest state; read after the first too, so that an app that keeps its first lists shows them stale), and
 * restoring from the Delete tab while the phone is registered and not once the server's console has removed it.
 * Items are told apart by size on the phone, since iOS gives a restored photo a new name.
 *
 * What the screens cannot show: the 2FA accounts of the latest backup (an app installation registers as one
 * authenticator, and no screen renames an account, so two backups cannot differ in their accounts); RST-01's
 * accounts half stays with restore-latest-state-only. Nor an edited item: the phone names each new medium after how
 * many it holds, so no screen puts other bytes under an item's name; restore-latest-state-only restores one. Once
 * the device is removed, the screens show that Restore offers nothing, not the server's error code, which
 * restore-delete-tab-while-registered checks in process.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { expectEqual, expectTrue, sorted } from '../../kit/device-support.js';
import { readScreen } from './screens-page-source.js';
import { addItem, backUp, locate, openRestore } from './screens-support.js';
import { pairThroughScreens, state, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

/** What the restore explorer shows now, as "tab:name", every kind and tab, sorted; back off the restore page after. */
async function offered(driver: AppDriver): Promise<string[]> {
  const found = await locate(driver, ['photo', 'video', 'document']);
  await driver.tap('nav-back');
  return sorted([...found].flatMap(([name, places]) => places.map((p) => `${p.tab}:${name}`)));
}

const latestOnly: Check = {
  id: 'restore-latest-state-screens',
  title: 'Through the screens: restore offers the latest backed-up state only, after each backup, each item once',
  area: 'RST',
  requirements: ['RST-01'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'restore-latest-state-only', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        const first = await addItem(driver, { kind: 'photo', size: 1001 });
        const kept = await addItem(driver, { kind: 'photo', size: 1002 });
        await backUp(driver);
        expectEqual(['RST-01'], 'what restore offers after the first backup', await offered(driver), [
          `recent:${first.name}`,
          `recent:${kept.name}`,
        ]);
        await driver.execute('mobile: deleteMedia', { ids: [first.id] });
        // Another extension: the phone names it after how many items it holds, as it named `kept`.
        const added = await addItem(driver, { kind: 'photo', size: 1003, extension: 'png' });
        await backUp(driver);
        expectEqual(['RST-01'], 'what restore offers after the second backup', await offered(driver), [
          `deleted:${first.name}`,
          `recent:${kept.name}`,
          `recent:${added.name}`,
        ]);
      }),
    ),
};

/** The phone's photo and video sizes. */
const sizes = async (driver: AppDriver) => (await driver.execute('mobile: deviceInfo')).media.map((m) => m.size);

const deleteTab: Check = {
  id: 'restore-delete-tab-screens',
  title:
    'Through the screens: items in the Delete tab can be restored while the device is registered, and nothing is offered once it is removed',
  area: 'RFE',
  requirements: ['RFE-09', 'RFE-10'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'restore-delete-tab-while-registered', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        await addItem(driver, { kind: 'photo', size: 1101 });
        const photo = await addItem(driver, { kind: 'photo', size: 1102 });
        const video = await addItem(driver, { kind: 'video', size: 1103 });
        await backUp(driver);
        await driver.execute('mobile: deleteMedia', { ids: [photo.id, video.id] });
        await backUp(driver);
        await openRestore(driver);
        await driver.tap('restore-browse-photo');
        await driver.tap('explorer-tab-deleted');
        for (const kind of ['photo', 'video']) {
          await driver.tap(`explorer-kind-${kind}`);
          await driver.tap('explorer-select-all');
        }
        await driver.tap('explorer-done');
        await driver.tap('restore-start');
        const job = (await driver.execute('mobile: waitForIdle', {})).restore;
        const restored = { photo: 1, video: 1, document: 0 };
        expectEqual(['RFE-09'], 'items restored from the Delete tab', job?.restored, restored);
        const onPhone = await sizes(driver);
        const missing = [photo, video].filter((d) => !onPhone.includes(d.size)).map((d) => d.name);
        expectEqual(['RFE-09'], 'Delete tab items missing from the phone after the restore', missing, []);

        const { pairing } = await state(driver);
        await context.session.console!.call('removeDevice', { params: { deviceId: pairing!.deviceId } });
        await driver.tap('tab-backup');
        await driver.tap('backup-restore');
        const seen = await driver.execute('mobile: waitForIdle', {});
        const screen = seen.screen === 'restore' ? await readScreen(driver) : new Map();
        const rows = ['photo', 'video', 'document'].map((k) => screen.get(`restore-summary-${k}`)?.text);
        const offered = rows.filter((text) => text !== undefined && text !== 'No items');
        expectEqual(['RFE-10'], 'what restore offers once the device is removed', offered, []);
        expectTrue(
          ['RFE-10'],
          seen.screen === 'restore' || seen.message !== null,
          'Restore did nothing and said nothing',
        );
      }),
    ),
};

/** Over WebDriver with `mbsc run --via appium`. */
export const uiRestoreTabChecks: Check[] = [latestOnly, deleteTab];
