/**
 * Supported file types through the app's screens: files put on the phone with `mobile: addMedia`, one per
 * spelling of each extension, the Documents switch on the Backup page, Backup, and the Restore file explorer for
 * what the server then holds and as which kind. The lists and expected kinds are file-types.ts's.
 *
 * Not through the screens: `mobile: addMedia` names its files itself (`IMG_0001.<ext>`), with an extension of 1 to
 * 8 letters or digits, so a file with no extension and one with an extension inside its name (`photo.jpg.zip`)
 * stay with sources-file-types-photos-videos. On iOS the restore page has no Documents row: a near miss an iPhone sent as a
 * document would not show.
 */
import { kindOfFile } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { expectEqual } from '../../kit/device-support.js';
import {
  AUDIO,
  documentOrAudio,
  DOCUMENTS,
  photoOrVideo,
  PHOTOS,
  spellings,
  UNSUPPORTED,
  VIDEOS,
} from './file-types.js';
import { addItems, backUp, heldItems, onPairedPhone } from '../../kit/screens-held-items.js';
import { setSwitch } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

/** A file per spelling of each extension, in the folder of its kind (`mobile: addMedia` takes no empty extension). */
function putFiles(driver: AppDriver, exts: readonly string[]): Promise<string[]> {
  const named = exts.filter((ext) => ext !== '').flatMap(spellings);
  return addItems(
    driver,
    named.map((extension) => ({ kind: kindOfFile(`f.${extension}`) ?? 'unsupported', extension })),
  );
}

/** Turns the Backup page's Documents switch on or off (Android). */
const setDocuments = (driver: AppDriver, on: boolean) => setSwitch(driver, 'source-documents', on, 'backup');

const photosAndVideos: Check = {
  id: 'sources-file-types-photos-videos-screens',
  title:
    'Through the screens: every listed photo and video extension is backed up, in any letter case; near misses never are',
  area: 'FTYPE',
  requirements: ['FTYPE-01', 'FTYPE-02', 'FTYPE-05', 'FTYPE-06'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'sources-file-types-photos-videos', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    onPairedPhone(context, async (driver) => {
      // Documents off, so that a near miss read as a document shows as a failure here too.
      if (context.column.profile.platform === 'android') await setDocuments(driver, false);
      const names = await putFiles(driver, [...PHOTOS, ...VIDEOS, ...UNSUPPORTED]);
      await backUp(driver, ['FTYPE-05']);
      const held = await heldItems(driver);
      for (const name of names) {
        const { rule, expected } = photoOrVideo(name);
        expectEqual([rule], `what ${name} became`, held.get(name) ?? 'not backed up', expected);
      }
    }),
};

const documentsAndAudio: Check = {
  id: 'sources-file-types-documents-audio-screens',
  title: 'Through the screens: documents and audio files are backed up as documents on Android, only with Documents on',
  area: 'FTYPE',
  requirements: ['FTYPE-03', 'FTYPE-04'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'sources-file-types-documents-audio', device: 'paired', platform: 'android' }),
  run: (context: DeviceCheckContext) =>
    onPairedPhone(context, async (driver) => {
      const names = await putFiles(driver, [...DOCUMENTS, ...AUDIO]);
      // The same files stay on the phone: the backup with Documents on takes them all.
      for (const documents of [false, true]) {
        await setDocuments(driver, documents);
        await backUp(driver, ['FTYPE-03', 'FTYPE-04']);
        const held = await heldItems(driver);
        for (const name of names) {
          const { rule, expected } = documentOrAudio(name, documents);
          const what = `${name} with Documents ${documents ? 'selected' : 'deselected'}`;
          expectEqual([rule], what, held.get(name) ?? 'not backed up', expected);
        }
      }
    }),
};

export const UI_FILE_TYPE_CHECKS: readonly Check[] = [photosAndVideos, documentsAndAudio];
