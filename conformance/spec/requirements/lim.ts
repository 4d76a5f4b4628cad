/** What each OS prevents or changes in backup and restore (seed 000 §1.2, §2.6.2). */
import type { Requirement } from './types.js';

export const LIM_REQUIREMENTS = [
  {
    id: 'LIM-01',
    statement:
      'On Android, documents are backed up only from the internal storage; documents on the SD card are skipped.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
  },
  {
    id: 'LIM-02',
    statement: 'On Android, HEIF/HEIC photos and HEVC videos that came from an iOS device are not backed up.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
    interpretation:
      'A file counts as "from iOS" when its metadata says an Apple device made it (the simulated file carries that origin).',
  },
  {
    id: 'LIM-03',
    statement:
      'On Android, HEIF/HEIC and HEVC files from iOS can be restored to the device, for example after migrating from an iOS device.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
  },
  {
    id: 'LIM-04',
    statement: 'On iOS, photos and videos synced onto the device from iTunes are not backed up.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
  },
  {
    id: 'LIM-05',
    statement: 'On iOS, a restored photo or video keeps no EXIF metadata except its last-modified date and time.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
  },
  {
    id: 'LIM-06',
    statement:
      'On Android, photos and videos keep all their EXIF metadata: the server stores and restores the same bytes.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.2' },
    interpretation:
      '"Retain all EXIF" is read as byte-identical storage on the server and byte-identical restore on Android.',
  },
  {
    id: 'LIM-07',
    statement:
      'On iOS, backed-up photos and videos keep at least their capture date, location and lens EXIF on the server.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.2' },
  },
  {
    id: 'LIM-08',
    statement: 'On both platforms, a restored photo or video does not keep its original file timestamps.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
    interpretation:
      'DESIGN.md: file timestamps are not retained on either platform; the restored file’s times are those of the restore.',
  },
] as const satisfies readonly Requirement[];
