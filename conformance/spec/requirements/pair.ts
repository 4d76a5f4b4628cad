/** Pairing a device for mobile backup by QR code, and the app's connection setting (seed 000 §6.2, §6.2.1, §7). */
import type { Requirement } from './types.js';

export const PAIR_REQUIREMENTS = [
  {
    id: 'PAIR-01',
    statement:
      'The server’s "Add or migrate device" offers two choices: add a new device without migration, or migrate an existing device’s backup.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-02',
    statement:
      'Adding a new device shows a QR code; scanning it from the app’s Backup page ("Activate and start backup") registers the device.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-03',
    statement: 'After the app detects a pairing QR code it asks for confirmation; Cancel leaves the device unpaired.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-04',
    statement: 'The app offers backup and restore only once the device has been paired with a server.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2' },
  },
  {
    id: 'PAIR-05',
    statement:
      'The app’s connection setting has two modes: locate the backup machine automatically, or use a host name or IP address typed by the user.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.1' },
  },
  {
    id: 'PAIR-06',
    statement:
      'In automatic mode, Save & Connect returns to the Backup page and connects to the backup machine found on the LAN.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.1' },
  },
  {
    id: 'PAIR-07',
    statement:
      'In manual mode, Save & Connect tries the typed host; while it tries, the field is disabled and "Attempting to connect" is shown.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.1: Manually specify' },
  },
  {
    id: 'PAIR-08',
    statement:
      'An invalid host such as 123.456.7&.115 fails with "Connection failed. Make sure you have entered the correct host name / IP address."',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.1: Manually specify' },
  },
  {
    id: 'PAIR-09',
    statement:
      'A reachable host typed in manual mode replaces the stored connection setting, and the app connects without pairing again.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.1' },
  },
  {
    id: 'PAIR-10',
    statement:
      'A pairing token pairs a device only within 10 minutes of being issued; from then on it is refused as expired.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
    interpretation: 'The seed gives no lifetime; PROTOCOL.md ("Pairing") states 10 minutes without condition.',
  },
  {
    id: 'PAIR-11',
    statement: 'The desktop’s pairing dialog lists the prerequisite "Please use the latest Mobile App version".',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-12',
    statement:
      'The desktop’s pairing dialog asks that its 2 ports be not blocked: "Please make sure below 2 ports are not blocked by any Firewall settings".',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-13',
    statement:
      'The desktop’s pairing dialog says to scan its QR code to get the app from the store, then to scan the same QR code from the app.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-14',
    statement: 'A phone’s camera, without the app, is led by the pairing QR code to the app in its store.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
    interpretation:
      'PROTOCOL.md ("Pairing"): the QR text is the app link, an https URL a camera opens, whose page (the app publisher’s) sends each phone to the app in its store; the pairing fields ride in its fragment, which no browser sends. The kit checks the text the server issues and shows; what the publisher’s page does is outside the server.',
  },
  {
    id: 'PAIR-15',
    statement: 'Once a phone pairs by the dialog’s QR code, the desktop says "Device paired successfully".',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-16',
    statement:
      'Once a phone pairs as a new device by the desktop’s QR code, the app says "Device paired successfully" and asks for OK.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
  },
  {
    id: 'PAIR-17',
    statement:
      'OK on "Device paired successfully" opens the backup sources, each of the platform selected; the user may deselect some, and Done keeps the selection and returns to the Backup screen.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§7.1' },
    interpretation:
      'Step vi of §7.1 (Android) and §7.2 (iOS): Photos, Videos, Documents and 2FA Accounts on Android; iOS lists no documents (§7.2 names photos, videos and 2FA accounts). At least one source stays selected (SRC-05).',
  },
] as const satisfies readonly Requirement[];
