/** File types the app backs up, by extension (seed 000 §1.4). */
import type { Requirement } from './types.js';

export const FTYPE_REQUIREMENTS = [
  {
    id: 'FTYPE-01',
    statement: 'Photos with the extensions .jpg, .png, .bmp, .gif, .tif, .heif and .heic are backed up.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.4' },
    interpretation: 'The seed writes "HEIF and HEIC" without dots; they are taken as the .heif and .heic extensions.',
  },
  {
    id: 'FTYPE-02',
    statement: 'Videos with the extensions .mp4, .mkv, .mov, .avi, .flv and .hevc are backed up.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.4' },
    interpretation:
      'HEVC is a codec; the seed lists it as a type, taken as the .hevc extension of a raw stream (HEVC in .mp4/.mov counts by container).',
  },
  {
    id: 'FTYPE-03',
    statement:
      'Documents with the extensions .doc, .docx, .xls, .xlsx, .ppt, .pptx, .pdf and .txt are backed up by the Documents source.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.4' },
  },
  {
    id: 'FTYPE-04',
    statement:
      'Audio files with the extensions .m4a, .mmr, .aac, .silk, .opus, .mp3, .flac and .wav are backed up as documents, only with Documents selected.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.4' },
  },
  {
    id: 'FTYPE-05',
    statement: 'A file whose extension is in none of the photo, video, document or audio lists is not backed up.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.4' },
    interpretation:
      'The lists are taken as exhaustive, so other spellings such as .jpeg or .tiff are not supported either.',
  },
  {
    id: 'FTYPE-06',
    statement: 'Extensions are matched regardless of case, so IMG_0001.JPG is a photo.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.4' },
    interpretation:
      'The seed lists lower-case extensions, while its §10.2 listing of backed-up files shows upper-case ones (.JPG, .TIF).',
  },
] as const satisfies readonly Requirement[];
