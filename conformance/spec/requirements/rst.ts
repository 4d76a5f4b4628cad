/** Restore: what can be restored, how, and with what result (seed 000 §2.6.2, §6.2.2, §11). */
import type { Requirement } from './types.js';

export const RST_REQUIREMENTS = [
  {
    id: 'RST-01',
    statement:
      'Restore offers only the latest backed-up state of each item; no earlier version or snapshot can be chosen.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
    interpretation:
      'DESIGN.md: no point-in-time restore, although each backup job writes its own blocks/<timestamp> folder.',
  },
  {
    id: 'RST-02',
    statement: 'Restore can take single items or single folders, not only the whole backed-up set.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
    interpretation:
      'From app 1.6.0 on (RST-20 covers the versions before it): the checks’ phones run the app’s current version.',
  },
  {
    id: 'RST-03',
    statement: 'On Android, restore offers Photos, Videos, Documents and 2FA Accounts.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.1.1' },
  },
  {
    id: 'RST-04',
    statement: 'On iOS, restore offers Photos, Videos and 2FA Accounts only.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.1.2' },
  },
  {
    id: 'RST-05',
    statement: 'A restore cannot start with nothing selected; the app asks the user to select something.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.1' },
  },
  {
    id: 'RST-06',
    statement:
      'A restore stopped by the user or interrupted by a lost connection offers Resume restoration, which restores the remaining items.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.1' },
  },
  {
    id: 'RST-07',
    statement: 'An item that still exists on the device is skipped by restore, neither overwritten nor duplicated.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.1' },
  },
  {
    id: 'RST-08',
    statement:
      'A finished restore reports, per kind, the number of items restored and the number skipped (e.g. 5 Photos restored, 1 Video skipped).',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.1' },
  },
  {
    id: 'RST-09',
    statement: 'On Android, a restored item gets its original file name and goes back to its original location.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11: Original location' },
  },
  {
    id: 'RST-10',
    statement:
      'On Android, restoring an item whose original location is on the SD card needs the app’s SD card permission.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11: Original location' },
    interpretation: 'Without the permission those items are not restored and the app asks for it.',
  },
  {
    id: 'RST-11',
    statement:
      'On iOS, restored photos and videos go to the Photos library under new unique ids, not their original ids or file names.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11: Original location' },
  },
  {
    id: 'RST-12',
    statement: 'Restored 2FA accounts appear on the app’s 2FA page with working one-time passwords.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.1.1' },
  },
  {
    id: 'RST-13',
    statement: 'The restore main page shows, per kind, how many items are selected and their total size.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.1' },
  },
  {
    id: 'RST-14',
    statement:
      'On the restore main page a kind’s checkbox is blue when all its items are selected and orange when only some are.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.1' },
  },
  {
    id: 'RST-15',
    statement: 'A kind with no backed-up items shows "No items" with a gray folder icon on the restore main page.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.1' },
  },
  {
    id: 'RST-16',
    statement: '2FA accounts are selected or deselected for restore as one group.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2' },
  },
  {
    id: 'RST-17',
    statement: 'Nothing is selected for restore when the restore page first opens.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.1' },
    interpretation: 'From the seed’s first example of the restore main page, with no items selected "yet".',
  },
  {
    id: 'RST-18',
    statement:
      'The restore pages write a selected size with two decimals and its unit, no space between ("2.78GB", "27.43MB").',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.1' },
    interpretation:
      'Units step by 1000 (GB = 10^9 bytes, as for free up space); the unit is the largest the rounded value reaches; under 1 KB whole bytes ("512B").',
  },
  {
    id: 'RST-19',
    statement:
      'Restore has two options: Original location, on the device the backup was made from, and Migration, on the replacement of a broken, lost or missing one; the restore page names its own.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11' },
    interpretation:
      'The seed names the options without saying where the app shows them; the restore page names its own ("Original location", "Migration from <original>").',
  },
  {
    id: 'RST-20',
    statement:
      'An app before 1.6.0 restores only the complete set of backed-up photos and videos: it offers no file explorer to pick single items or folders, and restores each chosen kind whole.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.2' },
    interpretation:
      'The seed numbers iOS apps by build (268) and names 1.6.0 only: on iOS every build the migration takes (268 on) restores item by item, so the rule shows on builds before 268.',
  },
] as const satisfies readonly Requirement[];
