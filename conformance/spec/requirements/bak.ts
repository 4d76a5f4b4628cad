/** The backup job: start, stop, resume, result counts and integrity (seed 000 §6.4.5, §10). */
import type { Requirement } from './types.js';

export const BAK_REQUIREMENTS = [
  {
    id: 'BAK-01',
    statement: 'Tapping Backup starts a backup job, and Stop is offered while it runs.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10' },
  },
  {
    id: 'BAK-02',
    statement: 'Stopping a backup shows Resume Backup, and resuming sends only the items not yet backed up.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10' },
    interpretation: '"Resume at a later time" is read as continuing the job, not starting it over.',
  },
  {
    id: 'BAK-03',
    statement: 'A backup interrupted by a lost connection or by power loss offers Resume Backup.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10' },
  },
  {
    id: 'BAK-04',
    statement:
      'On Android a finished backup reports "N Photos, N Videos, N Files, and N 2FA Accounts" with the counts of that job.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10.1' },
  },
  {
    id: 'BAK-05',
    statement: 'On iOS a finished backup reports "N Photos, N Videos, and N 2FA Accounts", with no Files count.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10.2' },
  },
  {
    id: 'BAK-06',
    statement:
      'The counts a finished backup reports equal the items the server stored in that job, one file each in the job’s folder.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10.2' },
    interpretation:
      'The seed’s iOS job reports 46 photos and its blocks folder holds 46 items; 2FA accounts are not files there.',
  },
  {
    id: 'BAK-07',
    statement:
      'A later backup sends only items the server does not already hold, so a backup with nothing new sends no file.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10' },
    interpretation: '"Subsequent backups will take less time" is read as incremental backup.',
  },
  {
    id: 'BAK-08',
    statement: 'An item counts as backed up only once the server has confirmed its bytes by hash.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation:
      'The seed speaks of "safely backed up" contents; DESIGN.md makes that a hash confirmed by the server.',
  },
  {
    id: 'BAK-09',
    statement:
      'A migration discards the original device’s unfinished uploads: their bytes are never confirmed, listed or restored, nor resumed by the replacement.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.2' },
    interpretation:
      'The seed moves only backed-up data to the replacement; protocol v1 (PROTOCOL.md "Migration") settles that the original’s unfinished uploads are dropped.',
  },
  {
    id: 'BAK-10',
    statement:
      'Reporting items archived answers how many distinct items it names, each now in the Archive tab; one unknown item archives nothing.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.5' },
    interpretation:
      'The seed lists removed items in the Archive tab; protocol v1 (PROTOCOL.md "Listing and restore") settles what the report answers.',
  },
] as const satisfies readonly Requirement[];
