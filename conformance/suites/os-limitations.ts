/**
 * What each OS allows (seed 000 §2.6.2, §1.2, §11): Android backs up documents from internal storage only and never
 * iOS-made HEIF/HEVC, yet restores them; iOS never backs up iTunes-synced media; iOS keeps capture date, location
 * and lens EXIF on the server and restores with only the last-modified date; Android keeps every byte and its
 * EXIF, name and place; neither keeps a restored file's timestamps.
 */
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce } from '../framework/property.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import { contentOf, type MediaItem, type MediaOrigin, type StorageArea } from '../../simulators/device/media.js';
import {
  addMedia,
  deviceNeeds,
  expectEqual,
  expectTrue,
  type MediaSpec,
  newWorld,
  pairApp,
  phoneOf,
  serverItems,
  sorted,
} from './device-support.js';

const heldNames = async (world: Awaited<ReturnType<typeof newWorld>>) =>
  sorted((await serverItems(world.app)).map((i) => i.meta.name));

/** A file a limitation check puts on the phone, named `<stem>.<ext>`, and whether a backup must take it. */
export interface LimitFile {
  readonly stem: string;
  readonly ext: string;
  readonly backedUp: boolean;
  readonly storage?: StorageArea;
  readonly origin?: MediaOrigin;
  readonly folder?: string;
}

const HEIF_HEVC = ['heif', 'heic', 'hevc'];

/** The files of each backup limitation, and which of them the backup takes. */
export const LIMIT_FILES = {
  // A document, a song and a photo on each storage: the SD card's documents and songs stay behind.
  'LIM-01': (['internal', 'sd'] as const).flatMap((storage): LimitFile[] => [
    { stem: `${storage}-report`, ext: 'pdf', folder: 'Documents', storage, backedUp: storage === 'internal' },
    { stem: `${storage}-song`, ext: 'mp3', folder: 'Music', storage, backedUp: storage === 'internal' },
    { stem: `${storage}-photo`, ext: 'jpg', storage, backedUp: true },
  ]),
  // HEIF/HEIC/HEVC made on an iPhone stays behind; the phone's own, and other types from an iPhone, go.
  'LIM-02': ['heif', 'heic', 'HEIC', 'hevc', 'jpg', 'mov'].flatMap((ext): LimitFile[] => [
    { stem: 'from-iphone', ext, origin: 'ios-import', backedUp: !HEIF_HEVC.includes(ext.toLowerCase()) },
    { stem: 'own', ext, backedUp: true },
  ]),
  'LIM-04': ['jpg', 'mov', 'heic'].flatMap((ext): LimitFile[] => [
    { stem: 'synced', ext, origin: 'itunes-sync', backedUp: false },
    { stem: 'taken', ext, backedUp: true },
  ]),
} as const satisfies Record<string, readonly LimitFile[]>;

/** One backup of the requirement's files: the server then holds exactly those the backup must take. */
function backupLimitCheck(requirement: keyof typeof LIMIT_FILES, head: Omit<Check, 'requirements' | 'run'>): Check {
  const files = LIMIT_FILES[requirement];
  return {
    ...head,
    requirements: [requirement],
    run: (context: CheckContext) =>
      checkOnce(async () => {
        const world = await newWorld(context.session, context.column.profile!);
        for (const { stem, ext, storage, origin, folder } of files) {
          addMedia(world.device, { name: `${stem}.${ext}`, storage, origin, folder });
        }
        await world.app.backup();
        const expected = files.filter((f) => f.backedUp).map((f) => `${f.stem}.${f.ext}`);
        expectEqual([requirement], 'items on the server', await heldNames(world), sorted(expected));
      }),
  };
}

const documentsInternalOnly = backupLimitCheck('LIM-01', {
  id: 'limits-documents-internal-only',
  title: 'Android backs up documents from the internal storage only; documents on the SD card are skipped',
  area: 'LIM',
  scope: 'device',
  applies: deviceNeeds({ platform: 'android', sdCard: true }),
});

const iosHeifOnAndroid = backupLimitCheck('LIM-02', {
  id: 'limits-ios-heif-not-backed-up-on-android',
  title: 'Android never backs up HEIF/HEIC photos or HEVC videos made on an iPhone, but backs up its own',
  area: 'LIM',
  scope: 'device',
  applies: deviceNeeds({ platform: 'android' }),
});

const itunesSync = backupLimitCheck('LIM-04', {
  id: 'limits-itunes-sync-not-backed-up',
  title: 'iOS never backs up photos and videos synced from iTunes',
  area: 'LIM',
  scope: 'device',
  applies: deviceNeeds({ platform: 'ios' }),
});

/** LIM-03: what the iPhone makes and backs up before the Android phone migrates from it. */
export const IPHONE_MADE = ['IMG_0001.HEIC', 'IMG_0002.heif', 'IMG_0003.hevc'];
/** What a restore of IPHONE_MADE, or of ROUND_TRIP_MEDIA, brings back. */
export const TWO_PHOTOS_ONE_VIDEO = { photo: 2, video: 1, document: 0 };

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
      const made = IPHONE_MADE.map((name) => addMedia(iphone.device, { name }));
      await iphone.app.backup();
      const android = await newWorld(context.session, context.column.profile!, { pair: false });
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

const EXIF = {
  DateTimeOriginal: '2021:04:19 20:10:33',
  GPSLatitude: '22.3193',
  GPSLongitude: '114.1694',
  LensModel: 'iPhone 6s back camera 4.15mm f/2.2',
  Make: 'Apple',
  Model: 'iPhone 6s',
  Software: '14.4',
};

/** The photos and videos of a restore round trip, each of its own size. */
export const ROUND_TRIP_MEDIA: readonly MediaSpec[] = [
  { name: 'IMG_0101.JPG', size: 2500, folder: 'DCIM/Camera' },
  { name: 'IMG_0102.png', size: 1800, folder: 'Pictures/Screenshots', album: 'Screenshots' },
  { name: 'VID_0103.mp4', size: 3100, folder: 'DCIM/Camera' },
];

/** Backs up a few photos and videos, deletes them, and restores them all: what the phone then holds. */
async function roundTrip(context: CheckContext) {
  const world = await newWorld(context.session, context.column.profile!);
  const originals: MediaItem[] = ROUND_TRIP_MEDIA.map((spec) => addMedia(world.device, { ...spec, exif: EXIF }));
  await world.app.backup();
  const held = await serverItems(world.app);
  for (const item of originals) world.device.removeMedia(item.id);
  world.clock.advance(3 * 86_400_000);
  const job = await world.app.restore(held);
  expectEqual(['LIM-08'], 'the restore job', [job.state, job.restored], ['completed', TWO_PHOTOS_ONE_VIDEO]);
  const restored = originals.map((o) => world.device.mediaItems().find((m) => hashOf(m) === hashOf(o))!);
  return { world, originals, restored, held };
}

/** How an item shows on the phone: its id, name and path. */
type Placed = Pick<MediaItem, 'id' | 'name' | 'path'>;

/** RST-09: Android puts a restored item back under its original name, at its original place. */
export function expectOriginalPlace(original: Placed, back: Placed): void {
  const what = `name and place of the restored ${original.name}`;
  expectEqual(['RST-09'], what, [back.name, back.path], [original.name, original.path]);
}

/** RST-11: iOS restores each item under a new id and name of its own; `restored[i]` came back for `originals[i]`. */
export function expectNewIds(originals: readonly Placed[], restored: readonly Placed[]): void {
  const ids = new Set(restored.map((r) => r.id));
  expectEqual(['RST-11'], 'distinct ids of the restored items', ids.size, restored.length);
  for (const [i, original] of originals.entries()) {
    const back = restored[i]!;
    expectTrue(
      ['RST-11'],
      back.id !== original.id && back.name !== original.name,
      `${original.name} came back as ${back.name} (${back.id})`,
    );
  }
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
        expectOriginalPlace(original, back);
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

export const osLimitationChecks: Check[] = [
  documentsInternalOnly,
  iosHeifOnAndroid,
  itunesSync,
  restoreIosHeifOnAndroid,
  androidMetadata,
  iosMetadata,
];
