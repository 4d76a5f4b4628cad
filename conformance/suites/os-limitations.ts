/**
 * What each OS allows (seed 000 §2.6.2, §1.2, §11): Android backs up documents from internal storage only and never
 * iOS-made HEIF/HEVC, yet restores them; iOS never backs up iTunes-synced media; iOS keeps capture date, location
 * and lens EXIF on the server and restores with only the last-modified date; Android keeps every byte and its
 * EXIF, name and place; neither keeps a restored file's timestamps.
 */
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce } from '../framework/property.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import { contentOf, type MediaItem } from '../../simulators/device/media.js';
import {
  addMedia,
  deviceNeeds,
  expectEqual,
  expectTrue,
  newWorld,
  pairApp,
  phoneOf,
  serverItems,
  sorted,
} from './device-support.js';

const heldNames = async (world: Awaited<ReturnType<typeof newWorld>>) =>
  sorted((await serverItems(world.app)).map((i) => i.meta.name));

const documentsInternalOnly: Check = {
  id: 'limits-documents-internal-only',
  title: 'Android backs up documents from the internal storage only; documents on the SD card are skipped',
  area: 'LIM',
  requirements: ['LIM-01'],
  scope: 'device',
  applies: deviceNeeds({ platform: 'android', sdCard: true }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      for (const storage of ['internal', 'sd'] as const) {
        addMedia(world.device, { name: `${storage}-report.pdf`, folder: 'Documents', storage });
        addMedia(world.device, { name: `${storage}-song.mp3`, folder: 'Music', storage });
        addMedia(world.device, { name: `${storage}-photo.jpg`, storage });
      }
      await world.app.backup();
      const expected = ['internal-photo.jpg', 'internal-report.pdf', 'internal-song.mp3', 'sd-photo.jpg'];
      expectEqual(['LIM-01'], 'items on the server', await heldNames(world), expected);
    }),
};

const iosHeifOnAndroid: Check = {
  id: 'limits-ios-heif-not-backed-up-on-android',
  title: 'Android never backs up HEIF/HEIC photos or HEVC videos made on an iPhone, but backs up its own',
  area: 'LIM',
  requirements: ['LIM-02'],
  scope: 'device',
  applies: deviceNeeds({ platform: 'android' }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      for (const ext of ['heif', 'heic', 'HEIC', 'hevc', 'jpg', 'mov']) {
        addMedia(world.device, { name: `from-iphone.${ext}`, origin: 'ios-import' });
        addMedia(world.device, { name: `own.${ext}` });
      }
      await world.app.backup();
      const expected = [
        'from-iphone.jpg',
        'from-iphone.mov',
        'own.HEIC',
        'own.heic',
        'own.heif',
        'own.hevc',
        'own.jpg',
        'own.mov',
      ];
      expectEqual(['LIM-02'], 'items on the server', await heldNames(world), sorted(expected));
    }),
};

const itunesSync: Check = {
  id: 'limits-itunes-sync-not-backed-up',
  title: 'iOS never backs up photos and videos synced from iTunes',
  area: 'LIM',
  requirements: ['LIM-04'],
  scope: 'device',
  applies: deviceNeeds({ platform: 'ios' }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      for (const ext of ['jpg', 'mov', 'heic']) {
        addMedia(world.device, { name: `synced.${ext}`, origin: 'itunes-sync' });
        addMedia(world.device, { name: `taken.${ext}` });
      }
      await world.app.backup();
      expectEqual(['LIM-04'], 'items on the server', await heldNames(world), ['taken.heic', 'taken.jpg', 'taken.mov']);
    }),
};

const restoreIosHeifOnAndroid: Check = {
  id: 'limits-restore-ios-heif-to-android',
  title: "Android restores an iPhone's HEIF/HEIC photos and HEVC videos (after migrating from it)",
  area: 'LIM',
  requirements: ['LIM-03'],
  scope: 'device',
  applies: (column, session) => {
    const base = deviceNeeds()(column, session);
    if (!base.applies) return base;
    if (column.profile?.platform !== 'android') {
      return { applies: false, reason: "restoring an iPhone's HEIF/HEVC needs an Android device" };
    }
    return base;
  },
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const iphone = await newWorld(context.session, phoneOf('ios'));
      const made = ['IMG_0001.HEIC', 'IMG_0002.heif', 'IMG_0003.hevc'].map((name) => addMedia(iphone.device, { name }));
      await iphone.app.backup();
      const android = await newWorld(context.session, context.column.profile!, { pair: false });
      await pairApp(context.session, android.app, iphone.app.pairing!.deviceId);
      const archive = await android.app.listRestorable('archive');
      const job = await android.app.restore(archive);
      expectEqual(
        ['LIM-03'],
        'the restore job',
        [job.state, job.restored],
        ['completed', { photo: 2, video: 1, document: 0 }],
      );
      const back = android.device.mediaItems();
      expectEqual(
        ['LIM-03'],
        'files on the Android device',
        sorted(back.map((i) => `${i.name}:${hashOf(i)}`)),
        sorted(made.map((i) => `${i.name}:${hashOf(i)}`)),
      );
    }),
};

const EXIF = {
  DateTimeOriginal: '2021:04:19 20:10:33',
  GPSLatitude: '22.3193',
  GPSLongitude: '114.1694',
  LensModel: 'iPhone 6s back camera 4.15mm f/2.2',
  Make: 'Apple',
  Model: 'iPhone 6s',
  Software: '14.4',
};

/** Backs up a few photos and videos, deletes them, and restores them all: what the phone then holds. */
async function roundTrip(context: CheckContext) {
  const world = await newWorld(context.session, context.column.profile!);
  const originals: MediaItem[] = [
    addMedia(world.device, { name: 'IMG_0101.JPG', size: 2500, exif: EXIF, folder: 'DCIM/Camera' }),
    addMedia(world.device, {
      name: 'IMG_0102.png',
      size: 1800,
      exif: EXIF,
      folder: 'Pictures/Screenshots',
      album: 'Screenshots',
    }),
    addMedia(world.device, { name: 'VID_0103.mp4', size: 3100, exif: EXIF, folder: 'DCIM/Camera' }),
  ];
  await world.app.backup();
  const held = await serverItems(world.app);
  for (const item of originals) world.device.removeMedia(item.id);
  world.clock.advance(3 * 86_400_000);
  const job = await world.app.restore(held);
  expectEqual(
    ['LIM-08'],
    'the restore job',
    [job.state, job.restored],
    ['completed', { photo: 2, video: 1, document: 0 }],
  );
  const restored = originals.map((o) => world.device.mediaItems().find((m) => hashOf(m) === hashOf(o))!);
  return { world, originals, restored, held };
}

const androidMetadata: Check = {
  id: 'limits-restore-keeps-android-files',
  title:
    'Android restores each file byte-identical, with its EXIF, under its original name and place, but not its timestamps',
  area: 'LIM',
  requirements: ['LIM-06', 'LIM-08', 'RST-09'],
  scope: 'device',
  applies: deviceNeeds({ platform: 'android' }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { world, originals, restored, held } = await roundTrip(context);
      for (const [i, original] of originals.entries()) {
        const back = restored[i]!;
        const server = held.find((h) => h.sha256 === hashOf(original))!;
        const bytes = await world.app.client().download(server.sha256);
        expectTrue(['LIM-06'], bytes.equals(contentOf(original)), `the server's copy of ${original.name} differs`);
        expectTrue(['LIM-06'], contentOf(back).equals(contentOf(original)), `the restored ${original.name} differs`);
        expectEqual(['LIM-06'], `EXIF of the restored ${original.name}`, back.exif, original.exif);
        expectEqual(
          ['RST-09'],
          `name and place of the restored ${original.name}`,
          [back.name, back.path],
          [original.name, original.path],
        );
        expectTrue(
          ['LIM-08'],
          back.modifiedAt !== original.modifiedAt,
          `the restored ${original.name} kept its timestamp`,
        );
      }
    }),
};

const iosMetadata: Check = {
  id: 'limits-restore-ios-photos',
  title:
    'iOS keeps capture date, location and lens EXIF on the server; restores under new ids and names with only the last-modified date, and new timestamps',
  area: 'LIM',
  requirements: ['LIM-05', 'LIM-07', 'LIM-08', 'RST-11'],
  scope: 'device',
  applies: deviceNeeds({ platform: 'ios' }),
  run: (context: CheckContext) =>
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
      const ids = new Set(restored.map((r) => r.id));
      expectEqual(['RST-11'], 'distinct ids of the restored items', ids.size, restored.length);
      for (const [i, original] of originals.entries()) {
        const back = restored[i]!;
        expectTrue(
          ['RST-11'],
          back.id !== original.id && back.name !== original.name,
          `${original.name} came back as ${back.name} (${back.id})`,
        );
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

export const osLimitationChecks: Check[] = [
  documentsInternalOnly,
  iosHeifOnAndroid,
  itunesSync,
  restoreIosHeifOnAndroid,
  androidMetadata,
  iosMetadata,
];
