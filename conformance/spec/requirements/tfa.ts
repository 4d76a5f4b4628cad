/** 2FA set-up on the server and 2FA accounts in the app (seed 000 §1.3, §2.4, §6.3; seed 001). */
import type { Requirement } from './types.js';

export const TFA_REQUIREMENTS = [
  {
    id: 'TFA-01',
    statement: 'At the first login the server offers to set up 2FA, and the user may skip it and set it up later.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.3' },
  },
  {
    id: 'TFA-02',
    statement: 'Once the user completes the 2FA set-up, 2FA is enabled for every later login.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.3' },
  },
  {
    id: 'TFA-03',
    statement:
      'The server’s authentication settings have a 2FA switch; with it on, Add shows a QR code for registering an authenticator.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: Push Notification and TOTP' },
  },
  {
    id: 'TFA-04',
    statement: 'Several mobile devices can be registered for 2FA on one server, and each can be removed from it.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: Features' },
  },
  {
    id: 'TFA-05',
    statement:
      'Scanning the server’s 2FA QR code in the app and confirming with OK registers the device for push approval and one-time passwords.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: Push Notification and TOTP' },
  },
  {
    id: 'TFA-06',
    statement:
      'The server offers a secret-key alternative to the QR code, which registers an authenticator for one-time passwords only.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: TOTP Only' },
  },
  {
    id: 'TFA-07',
    statement: 'The server shows the secret key only after the user clicks Show Secret Key.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: TOTP Only' },
  },
  {
    id: 'TFA-08',
    statement:
      'Adding an account by secret key in the app takes a display name, the username and the secret key, then Connect.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: TOTP Only' },
  },
  {
    id: 'TFA-09',
    statement:
      'A secret-key registration completes only once the user enters on the server a valid one-time password from the app.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: TOTP Only' },
  },
  {
    id: 'TFA-10',
    statement: 'An authenticator registered by secret key only is never sent push approval requests.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: TOTP Only' },
    interpretation: 'The seed calls this registration "TOTP only"; no push option is listed for it at login.',
  },
  {
    id: 'TFA-11',
    statement:
      'Third-party authenticator apps can be registered, and the one-time passwords they generate are accepted.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: Features' },
  },
  {
    id: 'TFA-12',
    statement:
      'Registering 2FA by QR code needs the device camera; a device profile without a camera can still register by secret key.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.4' },
    interpretation: 'The seed requires a camera "for scanning QR code"; the secret-key path needs none.',
  },
  {
    id: 'TFA-13',
    statement: 'An account’s name can be edited in the app, and the new name is kept.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.2' },
  },
  {
    id: 'TFA-14',
    statement: 'An account removed in the app disappears from the 2FA page together with its one-time passwords.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.3' },
  },
  {
    id: 'TFA-15',
    statement: 'The app’s accounts can be reordered, and the app keeps the new order.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.4' },
  },
  {
    id: 'TFA-16',
    statement:
      'After a QR registration the app offers to register a recovery phone number with country code, verified by an SMS code.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: Push Notification and TOTP' },
  },
  {
    id: 'TFA-17',
    statement: 'Push approval and one-time passwords work without a recovery phone number registered.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: Push Notification and TOTP' },
  },
  {
    id: 'TFA-18',
    statement:
      'A 2FA registration can be completed only within 10 minutes of being issued; from then on it is expired.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: Push Notification and TOTP' },
    interpretation: 'The seed gives no lifetime; PROTOCOL.md ("Two-factor authentication") states 10 minutes.',
  },
  {
    id: 'TFA-19',
    statement:
      'An account registered by the server’s QR code is named after the desktop by default: its issuer ends in the edition, its label is the machine’s name.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.4' },
    interpretation:
      'From the seed’s account "CloudBacko Pro – Ideapad S340 (Windows 10)": edition and machine; the machine’s name is the one GET /v1/info states, the product name is the vendor’s own.',
  },
] as const satisfies readonly Requirement[];
