/**
 * The media the restore limitation checks put on the phone, what a restore brings back, and how a restored item
 * must show on each OS (its name and place on Android, a new id and name on iOS). Shared by the checks in process
 * (restored-files.ts) and through the screens (restored-files-screens.ts).
 */
import type { MediaItem } from '../../../simulators/device/media.js';
import { expectEqual, expectTrue, type MediaSpec } from '../../kit/device-support.js';

/** LIM-03: what the iPhone makes and backs up before the Android phone migrates from it. */
export const IPHONE_MADE = ['IMG_0001.HEIC', 'IMG_0002.heif', 'IMG_0003.hevc'];
/** What a restore of IPHONE_MADE, or of ROUND_TRIP_MEDIA, brings back. */
export const TWO_PHOTOS_ONE_VIDEO = { photo: 2, video: 1, document: 0 };

/** The EXIF every item of a restore round trip carries, as an iPhone writes it. */
export const EXIF = {
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
