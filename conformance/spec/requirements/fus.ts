/** Free up space: removing backed-up photos and videos from the device (seed 000 §2.6.2, §6.2.2.2, §6.4.5). */
import type { Requirement } from './types.js';

export const FUS_REQUIREMENTS = [
  {
    id: 'FUS-01',
    statement: 'Free up space is off by default.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
  },
  {
    id: 'FUS-02',
    statement:
      'The free up space limit is one of 2, 4, 6, 8 and 10 GB; no other value is accepted, and the chosen one is kept.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
  },
  {
    id: 'FUS-03',
    statement: 'A GB in the free up space limit is 10^9 bytes.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation: 'The seed does not define GB; DESIGN.md settles on 10^9 bytes.',
  },
  {
    id: 'FUS-04',
    statement: 'With free up space off, the app never removes an item from the device.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
  },
  {
    id: 'FUS-05',
    statement: 'With free up space on, the app removes items only while the device’s free space is below the limit.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
  },
  {
    id: 'FUS-06',
    statement:
      'Free up space removes only photos and videos whose bytes the server confirmed by hash, never documents or 2FA accounts.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation:
      'DESIGN.md: "safely backed up" means the server confirmed the bytes by hash; the seed names photos and videos only.',
  },
  {
    id: 'FUS-07',
    statement: 'Free up space removes the oldest items first.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation: 'The seed gives no order; DESIGN.md settles on oldest first.',
  },
  {
    id: 'FUS-08',
    statement:
      'Free up space stops removing once the free space reaches the limit (9 GB free with a 10 GB limit frees 1 GB).',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation:
      'On iOS, items moved to Recently Deleted count as freed for this purpose, though they still use storage (FUS-12).',
  },
  {
    id: 'FUS-09',
    statement: 'Free up space runs during the backup job, after the items it removes have been backed up.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
  },
  {
    id: 'FUS-10',
    statement: 'On Android, free up space removes items permanently, in the background, without asking.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
  },
  {
    id: 'FUS-11',
    statement:
      'On iOS, the app asks the user to allow the deletion of the N items first; if refused, nothing is removed.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation:
      'DESIGN.md: iOS asks for consent; the seed’s prompt is "to allow or not", so refusing removes nothing.',
  },
  {
    id: 'FUS-12',
    statement:
      'On iOS, removed items stay in Recently Deleted for up to 40 days and use device storage until they leave it.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation: 'DESIGN.md: Recently Deleted keeps them 40 days, still using storage.',
  },
  {
    id: 'FUS-13',
    statement: 'Items removed by free up space are listed in the Restore Archive tab and can be restored from it.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'FUS-14',
    statement: 'On Android, the backup result reports how many items free up space archived.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation: 'From the seed’s example "backup is completed with 361 archived or free up images and videos".',
  },
  {
    id: 'FUS-15',
    statement:
      'Under Free up space the app says "Disabled. Recommended to enable this feature …" while it is off and "Enabled. Safely backed up contents will be removed …" while it is on.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation:
      'Word for word as the seed writes them, each after its "Free up space" heading: the whole sentences, not only their openings.',
  },
  {
    id: 'FUS-16',
    statement:
      'On iOS, Free up space notes that removed items remain in "Recently Deleted" for up to 40 days and recommends clearing that folder by hand.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation: 'The seed’s NOTE is for iOS devices; Android, which removes items permanently, shows none.',
  },
  {
    id: 'FUS-17',
    statement:
      'Turning Free up space on says "Free up space is successfully enabled.", off "Free up space is successfully disabled.", and picking a limit "Free up space limit is successfully set."',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation: 'Step 5 of each of the three procedures, taken as what the app says once the change is made.',
  },
  {
    id: 'FUS-18',
    statement:
      'On the free up space limit picker a tap on a limit marks it; Done sets the marked limit and returns to the page the picker was opened from.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation:
      'Step 4 of "Choose a pre-set limit": "Select from the pre-set limit … Click Done". The limit is taken to be set on Done, not on the tap: until Done the setting keeps its value and the picker stays open with the tapped limit marked.',
  },
] as const satisfies readonly Requirement[];
