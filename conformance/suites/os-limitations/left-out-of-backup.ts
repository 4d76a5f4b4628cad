/**
 * What each OS leaves out of a backup (seed 000 §2.6.2): Android backs up documents from internal storage only and
 * never iOS-made HEIF/HEVC; iOS never backs up iTunes-synced media. The files each limitation puts on the phone and
 * which of them a backup takes (LIMIT_FILES, shared with left-out-of-backup-screens.ts), and one check per limitation.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { MediaOrigin, StorageArea } from '../../../simulators/device/media.js';
import { addMedia, expectEqual, newWorld, serverItems, sorted } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';

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
    run: (context: DeviceCheckContext) =>
      checkOnce(async () => {
        const world = await newWorld(context);
        for (const { stem, ext, storage, origin, folder } of files) {
          addMedia(world, { name: `${stem}.${ext}`, storage, origin, folder });
        }
        await world.app.backup();
        const expected = files.filter((f) => f.backedUp).map((f) => `${f.stem}.${f.ext}`);
        expectEqual([requirement], 'items on the server', await heldNames(world), sorted(expected));
      }),
  };
}

export const documentsInternalOnly = backupLimitCheck('LIM-01', {
  id: 'os-limitations-documents-internal-only',
  title: 'Android backs up documents from the internal storage only; documents on the SD card are skipped',
  area: 'LIM',
  scope: 'device',
  applies: where({ device: 'paired', platform: 'android', sdCard: true }),
});

export const iosHeifOnAndroid = backupLimitCheck('LIM-02', {
  id: 'os-limitations-ios-heif-not-backed-up-on-android',
  title: 'Android never backs up HEIF/HEIC photos or HEVC videos made on an iPhone, but backs up its own',
  area: 'LIM',
  scope: 'device',
  applies: where({ device: 'paired', platform: 'android' }),
});

export const itunesSync = backupLimitCheck('LIM-04', {
  id: 'os-limitations-itunes-sync-not-backed-up',
  title: 'iOS never backs up photos and videos synced from iTunes',
  area: 'LIM',
  scope: 'device',
  applies: where({ device: 'paired', platform: 'ios' }),
});
