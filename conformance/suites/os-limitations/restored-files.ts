/**
 * What each OS does to a restored file (seed 000 §2.6.2, §1.2, §11): Android restores an iPhone's HEIF/HEVC after
 * migrating from it; iOS keeps capture date, location and lens EXIF on the server and restores with only the
 * last-modified date, under new ids and names; Android keeps every byte and its EXIF, name and place; neither
 * keeps a restored file's timestamps. The media and the expectations on a restored item are
 * restore-media.ts's.
 */
import { skipUnless, type Check, type DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import { contentOf, type MediaItem } from '../../../simulators/device/media.js';
import {
  addMedia,
  expectEqual,
  expectTrue,
  newWorld,
  pairApp,
  phoneOf,
  serverItems,
  sorted,
} from '../../kit/device-support.js';
import {
  EXIF,
  expectNewIds,
  expectOriginalPlace,
  IPHONE_MADE,
  ROUND_TRIP_MEDIA,
  TWO_PHOTOS_ONE_VIDEO,
} from './restore-media.js';
import { where } from '../../kit/applies.js';

export const restoreIosHeifOnAndroid: Check = {
  id: 'os-limitations-restore-ios-heif-to-android',
  title: "Android restores an iPhone's HEIF/HEIC photos and HEVC videos (after migrating from it)",
  area: 'LIM',
  requirements: ['LIM-03'],
  scope: 'device',
  applies: where({
    device: 'paired',
    also: (column) =>
      skipUnless(column.profile?.platform === 'android', "restoring an iPhone's HEIF/HEVC needs an Android device"),
  }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const iphone = await newWorld(context, { profile: phoneOf('ios') });
      const made = IPHONE_MADE.map((name) => addMedia(iphone, { name }));
      await iphone.app.backup();
      const android = await newWorld(context, { pair: false });
      await pairApp(context.session, android.app, iphone.app.pairing!.deviceId);
      const archive = await android.app.listRestorable('archive');
      const job = await android.app.restore(archive);
      expectEqual(['LIM-03'], 'the restore job', [job.state, job.restored], ['completed', TWO_PHOTOS_ONE_VIDEO]);
      const back = android.device.mediaItems();
      expectEqual(
        ['LIM-03'],
        'files on the Android device',
        sorted(back.map((i) => `${i.name}:${hashOf(i)}`)),
        sorted(made.map((i) => `${i.name}:${hashOf(i)}`)),
      );
    }),
};

/** Backs up a few photos and videos, deletes them, and restores them all: what the phone then holds. */
async function roundTrip(context: DeviceCheckContext) {
  const world = await newWorld(context);
  const originals: MediaItem[] = ROUND_TRIP_MEDIA.map((spec) => addMedia(world, { ...spec, exif: EXIF }));
  await world.app.backup();
  const held = await serverItems(world.app);
  for (const item of originals) world.device.removeMedia(item.id);
  world.clock.advance(3 * 86_400_000);
  const job = await world.app.restore(held);
  expectEqual(['LIM-08'], 'the restore job', [job.state, job.restored], ['completed', TWO_PHOTOS_ONE_VIDEO]);
  const restored = originals.map((o) => world.device.mediaItems().find((m) => hashOf(m) === hashOf(o))!);
  return { world, originals, restored, held };
}

export const androidMetadata: Check = {
  id: 'os-limitations-restore-keeps-android-files',
  title:
    'Android restores each file byte-identical, with its EXIF, under its original name and place, but not its timestamps',
  area: 'LIM',
  requirements: ['LIM-06', 'LIM-08', 'RST-09'],
  scope: 'device',
  applies: where({ device: 'paired', platform: 'android' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { world, originals, restored, held } = await roundTrip(context);
      for (const [i, original] of originals.entries()) {
        const back = restored[i]!;
        const server = held.find((h) => h.sha256 === hashOf(original))!;
        const bytes = await world.app.client().download(server.sha256);
        expectTrue(['LIM-06'], bytes.equals(contentOf(original)), `the server's copy of ${original.name} differs`);
        expectTrue(['LIM-06'], contentOf(back).equals(contentOf(original)), `the restored ${original.name} differs`);
        expectEqual(['LIM-06'], `EXIF of the restored ${original.name}`, back.exif, original.exif);
        expectOriginalPlace(original, back);
        expectTrue(
          ['LIM-08'],
          back.modifiedAt !== original.modifiedAt,
          `the restored ${original.name} kept its timestamp`,
        );
      }
    }),
};

export const iosMetadata: Check = {
  id: 'os-limitations-restore-ios-photos',
  title:
    'iOS keeps capture date, location and lens EXIF on the server; restores under new ids and names with only the last-modified date, and new timestamps',
  area: 'LIM',
  requirements: ['LIM-05', 'LIM-07', 'LIM-08', 'RST-11'],
  scope: 'device',
  applies: where({ device: 'paired', platform: 'ios' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { originals, restored, held } = await roundTrip(context);
      for (const item of held) {
        const exif = item.meta.exif ?? {};
        const kept = ['DateTimeOriginal', 'GPSLatitude', 'GPSLongitude', 'LensModel'].map((k) => exif[k]);
        expectEqual(['LIM-07'], `capture date, location and lens of ${item.meta.name} on the server`, kept, [
          EXIF.DateTimeOriginal,
          EXIF.GPSLatitude,
          EXIF.GPSLongitude,
          EXIF.LensModel,
        ]);
      }
      expectNewIds(originals, restored);
      for (const [i, original] of originals.entries()) {
        const back = restored[i]!;
        expectEqual(['LIM-05'], `EXIF of the restored ${original.name}`, back.exif, {
          DateTime: new Date(original.modifiedAt).toISOString(),
        });
        expectTrue(
          ['LIM-08'],
          back.modifiedAt !== original.modifiedAt,
          `the restored ${original.name} kept its timestamp`,
        );
      }
    }),
};
