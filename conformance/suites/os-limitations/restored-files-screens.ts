/**
 * What each OS does to a restored file, through the app's screens: files put on the phone with `mobile: addMedia`,
 * Backup, `mobile: deleteMedia`, the Restore page's kind checkboxes and Restore, and `mobile: deviceInfo` for the
 * phone's files then (id, name, path, size; each file of its own size, since the screens show no content hashes).
 * An iPhone's HEIF/HEVC files reach an Android phone by migrating from the iPhone (its QR code, the migration's own
 * screen), then Restore. The files and the expected outcomes are restore-media.ts's.
 *
 * Not through the screens: file bytes, EXIF and timestamps. `mobile: deviceInfo` gives each file's size but not
 * its content, EXIF or modification time, and `mobile: addMedia` sets no EXIF of the test's choosing, so LIM-05,
 * LIM-06, LIM-07 and LIM-08 stay with os-limitations-restore-keeps-android-files and os-limitations-restore-ios-photos.
 */
import { kindOfFile, type ItemKind } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import type { TargetSession } from '../../targets/target.js';
import { DAY, expectEqual, phoneOf, sorted } from '../../kit/device-support.js';
import { extensionIn } from '../sources/file-types.js';
import {
  expectNewIds,
  expectOriginalPlace,
  IPHONE_MADE,
  ROUND_TRIP_MEDIA,
  TWO_PHOTOS_ONE_VIDEO,
} from './restore-media.js';
import { addItems, backUp, onPairedPhone } from '../../kit/screens-held-items.js';
import { pairAsReplacement, withPhones } from '../migration/screens-support.js';
import { pairThroughScreens, state } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

/** One item per file name, of its kind and extension, each of its own size. */
const batchesOf = (names: readonly string[], sizes: readonly number[]) =>
  names.map((name, i) => ({ kind: kindOfFile(name)!, extension: extensionIn(name), sizeBytes: sizes[i]! }));

const device = async (driver: AppDriver) => (await driver.execute('mobile: deviceInfo')).media;

/** On the Restore page: each kind's checkbox (every item of it), Restore, and the job once it ends. */
async function restoreKinds(driver: AppDriver, kinds: readonly ItemKind[]) {
  for (const kind of kinds) await driver.tap(`restore-select-${kind}`);
  await driver.tap('restore-start');
  return (await driver.execute('mobile: waitForIdle', {})).restore;
}

/** An iPhone that makes IPHONE_MADE and backs it up: its device id and `name:size` of each file. */
async function iphoneBackup(iphone: AppDriver, session: TargetSession) {
  await pairThroughScreens(iphone, session);
  await addItems(iphone, batchesOf(IPHONE_MADE, [1100, 1400, 1700]));
  await backUp(iphone, ['LIM-03']);
  const files = (await device(iphone)).map((m) => `${m.name}:${m.size}`);
  return { deviceId: (await state(iphone)).pairing!.deviceId, files };
}

const restoreIosHeifOnAndroid: Check = {
  id: 'os-limitations-restore-ios-heif-to-android-screens',
  title: "Through the screens: Android restores an iPhone's HEIF/HEIC photos and HEVC videos after migrating from it",
  area: 'LIM',
  requirements: ['LIM-03'],
  scope: 'device',
  tags: ['ui'],
  applies: where({
    overWebDriverOf: 'os-limitations-restore-ios-heif-to-android',
    device: 'paired',
    platform: 'android',
  }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withPhones(context, async (open) => {
        const iphone = await iphoneBackup(await open(phoneOf('ios'), 'original'), context.session);
        const driver = await open(context.column.profile, 'replacement');
        const { after } = await pairAsReplacement(driver, context.session.console!, iphone.deviceId);
        if (after.screen !== 'migration') throw new Error(`migrating from the iPhone failed: ${after.message}`);
        await driver.tap('tab-backup');
        await driver.tap('backup-restore');
        const job = await restoreKinds(driver, ['photo', 'video']);
        const seen = [job?.state, job?.restored];
        expectEqual(['LIM-03'], 'the restore job', seen, ['completed', TWO_PHOTOS_ONE_VIDEO]);
        const back = (await device(driver)).map((m) => `${m.name}:${m.size}`);
        expectEqual(['LIM-03'], 'files on the Android device', sorted(back), sorted(iphone.files));
      }),
    ),
};

/** Backs up ROUND_TRIP_MEDIA, deletes it, three days on restores it all, and holds the platform's rule to it. */
function roundTripCheck(platform: Platform): Check {
  const requirement = platform === 'android' ? 'RST-09' : 'RST-11';
  return {
    id: `os-limitations-restore-${platform === 'android' ? 'original-place' : 'new-ids'}-screens`,
    title:
      platform === 'android'
        ? 'Through the screens: Android restores each file under its original name, at its original place'
        : 'Through the screens: iOS restores each photo and video under a new id and name of its own',
    area: 'RST',
    requirements: [requirement],
    scope: 'device',
    tags: ['ui'],
    applies: where({
      overWebDriverOf:
        platform === 'android' ? 'os-limitations-restore-keeps-android-files' : 'os-limitations-restore-ios-photos',
      device: 'paired',
      platform,
    }),
    run: (context: DeviceCheckContext) =>
      onPairedPhone(context, async (driver) => {
        const names = ROUND_TRIP_MEDIA.map((m) => m.name);
        await addItems(
          driver,
          batchesOf(
            names,
            ROUND_TRIP_MEDIA.map((m) => m.size!),
          ),
        );
        await backUp(driver, [requirement]);
        const originals = await device(driver);
        await driver.execute('mobile: deleteMedia', {});
        await driver.execute('mobile: advanceClock', { ms: 3 * DAY });
        await driver.tap('backup-restore');
        const job = await restoreKinds(driver, ['photo', 'video']);
        const seen = [job?.state, job?.restored];
        expectEqual([requirement], 'the restore job', seen, ['completed', TWO_PHOTOS_ONE_VIDEO]);
        const after = await device(driver);
        const restored = originals.map((o) => after.find((m) => m.size === o.size) ?? { id: '', name: '', path: '' });
        if (platform === 'ios') expectNewIds(originals, restored);
        else for (const [i, original] of originals.entries()) expectOriginalPlace(original, restored[i]!);
      }),
  };
}

export const UI_OS_RESTORE_CHECKS: readonly Check[] = [
  restoreIosHeifOnAndroid,
  roundTripCheck('android'),
  roundTripCheck('ios'),
];
