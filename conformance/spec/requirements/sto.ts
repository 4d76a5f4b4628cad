/** How the server stores mobile backups on disk, and its device list (seed 000 §1.2, §7.1, §10.2, §11; seed 001). */
import type { Requirement } from './types.js';

export const STO_REQUIREMENTS = [
  {
    id: 'STO-01',
    statement: 'A paired device appears in the server’s mobile backup device list under its device name.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'STO-02',
    statement:
      'Each paired device gets a folder named after the device, directly under the server’s mobile backup data folder.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'STO-03',
    statement:
      'Backed-up files are stored at <data>/<device name>/<registration epoch ms>/blocks/<yyyy-mm-dd-hh-mm-ss>/0/<hex sequence>.<EXT>.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10.2' },
    interpretation:
      'Read from the listing "iPhone6s > 1626680595527 > blocks > 2021-07-19-15-43-34 > 0": the 13-digit number is the registration time in ms.',
  },
  {
    id: 'STO-04',
    statement:
      'Each backup job writes its files to a new blocks/<yyyy-mm-dd-hh-mm-ss> folder named after the job’s start time.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10.2' },
    interpretation:
      'DESIGN.md: each job writes its own blocks/<timestamp> folder; the time is the server’s local time, as in the listing.',
  },
  {
    id: 'STO-05',
    statement:
      'A stored file is named by a six-digit, zero-padded, lower-case hexadecimal sequence number and the original extension in upper case.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10.2' },
    interpretation:
      'Width, case and upper-case extension are read from the listing (000001.TIF, 00000f.JPG, 00002d.PNG).',
  },
  {
    id: 'STO-06',
    statement: 'Files are stored in their original format, unencrypted and byte-identical to the device’s copy.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.2' },
  },
  {
    id: 'STO-07',
    statement: 'The server keeps each item’s original file name and path in its metadata.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11: Original location' },
    interpretation:
      'DESIGN.md: files on disk get sequence names, so the metadata keeps name and path for Android’s restore to them.',
  },
  {
    id: 'STO-08',
    statement: 'Mobile backups go to the destination folder selected on the server.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: 'Mobile Backup: How it works' },
  },
  {
    id: 'STO-09',
    statement:
      'A stored file keeps the item’s own modification time on the device (else its capture time), not the time of the backup.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§10.2' },
    interpretation:
      'Read from the listing: the job folder 2021-07-19-15-43-34 holds files dated 19/04/2021; the kit compares to the second.',
  },
  {
    id: 'STO-10',
    statement: 'The backup destination on the server’s machine may be a hard drive, a flash drive or a network drive.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.2' },
    interpretation:
      'Observable as: a server works with its destination on another file system of the machine, and after the folder is moved to another one; every name it writes there is one a FAT flash drive takes (characters, length, no two files differing in case only). A FAT volume and a network drive are checked only where the machine can mount one; otherwise the report names them as not reachable.',
  },
] as const satisfies readonly Requirement[];
