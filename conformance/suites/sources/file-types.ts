/**
 * Supported file types (seed 000 §1.4): every listed photo and video extension is backed up on both platforms,
 * in any letter case; documents and audio files go as documents, on Android only and only with Documents
 * selected; anything else is never backed up. The lists below are the seed's, written out here on purpose: the
 * check must not read them from the code it checks.
 */
import type { ItemKind } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { addMedia, expectEqual, newWorld, serverItems, type World } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';

export const PHOTOS = ['jpg', 'png', 'bmp', 'gif', 'tif', 'heif', 'heic'];
export const VIDEOS = ['mp4', 'mkv', 'mov', 'avi', 'flv', 'hevc'];
export const DOCUMENTS = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf', 'txt'];
export const AUDIO = ['m4a', 'mmr', 'aac', 'silk', 'opus', 'mp3', 'flac', 'wav'];
/** Near misses: other spellings, other types, no extension, an extension inside the name. */
export const UNSUPPORTED = ['jpeg', 'tiff', 'webp', 'heics', 'mpg', 'm4v', 'zip', 'rtf', 'ogg', 'jp', ''];

/** Each name once as listed, once upper-case, once in mixed case. */
export function spellings(ext: string): string[] {
  const mixed = [...ext].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join('');
  return [...new Set([ext, ext.toUpperCase(), mixed])];
}

/** A name of its own on the phone for a file of extension `ext`. */
function nameFor(world: World, ext: string): string {
  const n = world.content.count();
  return ext === '' ? `FILE_${n}` : `FILE_${n}.${ext}`;
}

/** Adds a file per spelling of each extension, backs up, and answers the kind the server holds for each name. */
async function backUpNames(world: World, exts: readonly string[], folder?: string): Promise<Map<string, string>> {
  const names = exts.flatMap(spellings).map((ext) => nameFor(world, ext));
  names.push(`photo.jpg.zip`, `movie.mp4.part`);
  for (const name of names) addMedia(world, { name, size: 300, ...(folder ? { folder } : {}) });
  const job = await world.app.backup();
  const why = job.error?.message ?? '';
  expectEqual(['FTYPE-05'], `the backup job${why ? ` (${why})` : ''}`, job.state, 'completed');
  const held = new Map((await serverItems(world.app)).map((i) => [i.meta.name, i.meta.kind as string]));
  return new Map(names.map((n) => [n, held.get(n) ?? 'not backed up']));
}

const kindOf = (ext: string): ItemKind | undefined =>
  PHOTOS.includes(ext) ? 'photo' : VIDEOS.includes(ext) ? 'video' : undefined;

/** The extension of a file name as spelled, '' when it has none. */
export const extensionIn = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '');

/** What a file of this name must become with Documents off, and the rule that says so. */
export function photoOrVideo(name: string): { rule: string; expected: string } {
  const ext = extensionIn(name);
  const lower = ext.toLowerCase();
  const listed = PHOTOS.includes(lower) ? 'FTYPE-01' : VIDEOS.includes(lower) ? 'FTYPE-02' : undefined;
  const rule = listed === undefined ? 'FTYPE-05' : ext === lower ? listed : 'FTYPE-06';
  return { rule, expected: kindOf(lower) ?? 'not backed up' };
}

/** What a document or audio file of this name must become on Android, and the rule that says so. */
export function documentOrAudio(name: string, documents: boolean): { rule: string; expected: string } {
  const ext = extensionIn(name).toLowerCase();
  const listed = DOCUMENTS.includes(ext) || AUDIO.includes(ext);
  const expected = documents && listed ? 'document' : (kindOf(ext) ?? 'not backed up');
  return { rule: AUDIO.includes(ext) ? 'FTYPE-04' : 'FTYPE-03', expected };
}

const photosAndVideos: Check = {
  id: 'sources-file-types-photos-videos',
  title: 'Every listed photo and video extension is backed up, in any letter case; other extensions never are',
  area: 'FTYPE',
  requirements: ['FTYPE-01', 'FTYPE-02', 'FTYPE-05', 'FTYPE-06'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      // Documents off, so that a near miss read as a document shows as a failure here too.
      if (world.device.platform === 'android') world.app.updateSources({ documents: false });
      const got = await backUpNames(world, [...PHOTOS, ...VIDEOS, ...UNSUPPORTED]);
      for (const [name, kind] of got) {
        const { rule, expected } = photoOrVideo(name);
        expectEqual([rule], `what ${name} became`, kind, expected);
      }
    }),
};

const documentsAndAudio: Check = {
  id: 'sources-file-types-documents-audio',
  title: 'Documents and audio files are backed up as documents on Android, only with Documents selected',
  area: 'FTYPE',
  requirements: ['FTYPE-03', 'FTYPE-04'],
  scope: 'device',
  applies: where({ device: 'paired', platform: 'android' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      world.app.updateSources({ documents: false });
      const off = await backUpNames(world, [...DOCUMENTS, ...AUDIO], 'Documents');
      for (const [name, kind] of off) {
        const { rule, expected } = documentOrAudio(name, false);
        expectEqual([rule], `${name} with Documents deselected`, kind, expected);
      }
      // Those files leave the phone, so that the next backup shows only its own.
      for (const item of world.device.mediaItems()) world.device.removeMedia(item.id);
      world.app.updateSources({ documents: true });
      const on = await backUpNames(world, [...DOCUMENTS, ...AUDIO], 'Documents');
      for (const [name, kind] of on) {
        const { rule, expected } = documentOrAudio(name, true);
        expectEqual([rule], `${name} with Documents selected`, kind, expected);
      }
    }),
};

export const fileTypeChecks: Check[] = [photosAndVideos, documentsAndAudio];
