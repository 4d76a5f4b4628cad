/**
 * Restoring to the SD card through the screens (seed 000 §11: Original location), on an Android phone with one: with
 * the system prompt answered No (`mobile: setPermission`) the job leaves the card's items out and says so, and with
 * Yes they go back to the card.
 *
 * What the screens cannot show: whether the system prompt was shown, and how often (no screen or `mobile:` method
 * lists permission prompts; a `mobile: permissionPrompts` would). What they show instead: the items the job left out
 * for the permission, the App Log's entry naming each, and where the restored files are. restore-sd-card-permission
 * keeps counting the prompts in process.
 *
 * Documents by folder (RFE-13) is not here: the app backs up documents from internal storage only, and
 * `mobile: addMedia` puts every document in one folder there (Documents), so the explorer can show one folder only.
 * A folder parameter on `mobile: addMedia` would show it; restore-explorer-document-folders checks it in process.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { expectEqual, expectTrue, sorted } from '../../kit/device-support.js';
import { addItem, backUp, openRestore } from './screens-support.js';
import { pairThroughScreens, state, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const paths = async (driver: AppDriver) =>
  new Map((await driver.execute('mobile: deviceInfo')).media.map((m) => [m.id, m.path]));

/** Restore page, every photo, Restore: what the job did. */
async function restorePhotos(driver: AppDriver) {
  await openRestore(driver);
  await driver.tap('restore-select-photo');
  await driver.tap('restore-start');
  return (await driver.execute('mobile: waitForIdle', {})).restore;
}

/** Over WebDriver with `mbsc run --via appium`, on Android phones with an SD card. */
export const uiRestoreSdCardCheck: Check = {
  id: 'restore-sd-card-permission-screens',
  title:
    'Through the screens: restoring to the SD card needs the app’s SD card permission; without it those items stay out and the app says so',
  area: 'RST',
  requirements: ['RST-10'],
  scope: 'device',
  tags: ['ui'],
  applies: where({
    overWebDriverOf: 'restore-sd-card-permission',
    device: 'paired',
    platform: 'android',
    sdCard: true,
  }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        const onCard = await addItem(driver, { kind: 'photo', size: 1501, storage: 'sd' });
        const inside = await addItem(driver, { kind: 'photo', size: 1502 });
        await backUp(driver);
        const where = await paths(driver);
        await driver.execute('mobile: deleteMedia', { ids: [onCard.id, inside.id] });
        await driver.execute('mobile: setPermission', { permission: 'sd-card', answer: 'deny' });
        const refused = await restorePhotos(driver);
        const none = { photo: 0, video: 0, document: 0 };
        expectEqual(['RST-10'], 'items left out for the permission', refused?.withoutPermission, { ...none, photo: 1 });
        const after = sorted([...(await paths(driver)).values()]);
        expectEqual(['RST-10'], 'items restored without the permission', after, [where.get(inside.id)]);
        const told = (await state(driver)).log.some(
          (e) => e.type === 'Restore Error' && e.message.includes(onCard.name),
        );
        expectTrue(['RST-10'], told, `the App Log does not say why ${onCard.name} was left out`);
        await driver.execute('mobile: setPermission', { permission: 'sd-card', answer: 'allow' });
        const allowed = await restorePhotos(driver);
        expectEqual(['RST-10'], 'items restored with the permission', allowed?.restored, { ...none, photo: 1 });
        const back = sorted([...(await paths(driver)).values()]);
        expectEqual(['RST-10'], 'where the photos are', back, sorted([...where.values()]));
      }),
    ),
};
