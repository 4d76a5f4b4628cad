/** When backup and restore may run: LAN, battery, charging, power saving, automated backup (seed 000 §2.3–§2.5, §6.4.1–§6.4.3). */
import type { Requirement } from './types.js';

export const RUN_REQUIREMENTS = [
  {
    id: 'RUN-01',
    statement:
      'Backup and restore run only while the device is on the same LAN as the backup machine; elsewhere the app holds them and says so.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.3' },
    interpretation: 'DESIGN.md: both need the backup machine’s LAN, and the app always says why it holds.',
  },
  {
    id: 'RUN-02',
    statement: 'Backup and restore need no internet access: a device and a server that share only a LAN complete them.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.2' },
    interpretation:
      'The seed’s architecture connects the app to the backup machine through the local Wi-Fi router only.',
  },
  {
    id: 'RUN-03',
    statement: 'With power saving on and the battery below 30%, the app holds backup.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5: Battery Requirement' },
  },
  {
    id: 'RUN-04',
    statement: 'With power saving on and the battery at exactly 30%, backup and restore are allowed.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation: 'DESIGN.md: "not lower than 30%" means 30% itself is allowed.',
  },
  {
    id: 'RUN-05',
    statement: 'With power saving on and the battery below 30%, the app also holds restore.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
    interpretation:
      'The prerequisites say "backup and/or restore", the Battery Requirement only backup; DESIGN.md holds both.',
  },
  {
    id: 'RUN-06',
    statement: 'The battery hold applies whether or not the device is charging.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5: Battery Requirement' },
    interpretation: 'DESIGN.md: with power saving on, backup and restore hold below 30% whether charging or not.',
  },
  {
    id: 'RUN-07',
    statement: 'With power saving off, the battery level never holds backup or restore.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5' },
  },
  {
    id: 'RUN-08',
    statement: 'Power saving mode is on by default.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.3' },
  },
  {
    id: 'RUN-09',
    statement: 'When power saving holds a backup, the app shows a message saying the battery is below 30%.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.3' },
    interpretation:
      'The message itself was a lost screenshot; the catalogue asks only that it name low battery as the reason.',
  },
  {
    id: 'RUN-10',
    statement: 'A backup that is running when the battery falls below 30% with power saving on is held.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.3' },
    interpretation:
      '"Hold the backup when battery is low" is read as checked throughout the job, not only at its start.',
  },
  {
    id: 'RUN-11',
    statement: 'Backup while charging only is off by default.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.2' },
  },
  {
    id: 'RUN-12',
    statement:
      'With backup while charging only on and the device unplugged, the app holds backup and says a power source is needed.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.2' },
  },
  {
    id: 'RUN-13',
    statement: 'With backup while charging only on, plugging the device in lets a held backup resume.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.5: Backup while charging Requirement' },
  },
  {
    id: 'RUN-14',
    statement: 'Backup while charging only never holds a restore.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.2' },
    interpretation:
      'The seed names and describes this setting for backup only; DESIGN.md likewise holds only backup while unplugged.',
  },
  {
    id: 'RUN-15',
    statement: 'Automated backup is on by default.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.1' },
  },
  {
    id: 'RUN-16',
    statement:
      'With automated backup on, Android backs up new items by itself, also while the app is in the background.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.1' },
    interpretation: 'DESIGN.md: on Android automated backup also runs in the background.',
  },
  {
    id: 'RUN-17',
    statement: 'With automated backup on, iOS backs up by itself only while the app is in the foreground.',
    level: 'MUST',
    appliesTo: ['app', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.1' },
    interpretation: 'DESIGN.md settles the seed’s "may not be working due to iOS limitation" as foreground only.',
  },
  {
    id: 'RUN-18',
    statement: 'With automated backup off, a backup starts only when the user taps Backup.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.1' },
  },
] as const satisfies readonly Requirement[];
