/** Which sources the app backs up, and their selection (seed 000 §1.1, §1.2, §7, §8). */
import type { Requirement } from './types.js';

export const SRC_REQUIREMENTS = [
  {
    id: 'SRC-01',
    statement: 'On Android the backup sources are Photos, Videos, Documents and 2FA accounts.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§8.1' },
  },
  {
    id: 'SRC-02',
    statement: 'On iOS the backup sources are Photos, Videos and 2FA accounts; Documents is not offered.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
    interpretation:
      'The §1.4 table and §8.2 step 2 list Documents for iOS; DESIGN.md: the §2.6.2 limitation wins, documents are Android-only.',
  },
  {
    id: 'SRC-03',
    statement:
      'Right after pairing on Android, Photos, Videos, Documents and 2FA accounts are all selected for backup.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'SRC-04',
    statement: 'Right after pairing on iOS, Photos, Videos and 2FA accounts are all selected for backup.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.2' },
  },
  {
    id: 'SRC-05',
    statement: 'The app refuses a backup source selection with no source selected.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§8' },
    interpretation: '"Make sure to select at least one" (§8.1, §8.2) is read as the app blocking an empty selection.',
  },
  {
    id: 'SRC-06',
    statement: 'Items of a deselected source are not sent in the next backup.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§8' },
  },
  {
    id: 'SRC-07',
    statement: 'On Android, photos and videos are backed up from both the internal storage and the SD card.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.2' },
  },
  {
    id: 'SRC-08',
    statement:
      'With the 2FA accounts source selected, the app’s 2FA accounts are backed up to the server along with the files.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.1' },
  },
] as const satisfies readonly Requirement[];
