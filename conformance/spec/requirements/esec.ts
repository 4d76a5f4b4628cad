/** Enhanced security for 2FA: device authentication before the 2FA page or an approval (seed 000 §6.4.4). */
import type { Requirement } from './types.js';

export const ESEC_REQUIREMENTS = [
  {
    id: 'ESEC-01',
    statement: 'Enhanced security for 2FA is off by default.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-02',
    statement:
      'Enhanced security cannot be turned on when the device has no screen lock (password, passcode or biometric); the app says so.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-03',
    statement: 'Turning enhanced security on or off requires the device password or biometric.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-04',
    statement: 'With enhanced security on, accepting a push request needs the device password or biometric first.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-05',
    statement:
      'With enhanced security on, opening the 2FA page to read one-time passwords needs the device password or biometric.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-06',
    statement: 'With enhanced security off, the 2FA page and push approval need no device authentication.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-07',
    statement: 'The authentication screen offers the device password or passcode as an alternative to biometrics.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-08',
    statement: 'Too many failed attempts lock the 2FA page with a "Try again later" message and a waiting time.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-09',
    statement: 'A locked 2FA page shows no one-time password and offers Unlock.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
    interpretation:
      'The seed shows the locked page with an Unlock button; hiding the passwords is the point of the lock.',
  },
  {
    id: 'ESEC-10',
    statement: 'After the wait, Unlock with the right password, passcode or biometric shows the 2FA page again.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'ESEC-11',
    statement:
      'The authentication screen’s link to the device’s own secret reads "USE PASSWORD" on Android and "Show Passcode" on iOS; it opens the entry where the password or passcode is typed, then Next.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
    interpretation:
      'The seed’s unlock steps name both ("click the USE PASSWORD or Show Passcode") beside an Android and an iPhone screenshot: the first is Android’s, the second iOS’s.',
  },
  {
    id: 'ESEC-12',
    statement:
      'Once the device authentication is answered, Enhanced security for 2FA turned on says "Enhanced security for 2FA is successfully enabled.", off "Enhanced security for 2FA is successfully disabled."',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
    interpretation: 'Step 5 of the enable and disable procedures, taken as what the app says once the change is made.',
  },
] as const satisfies readonly Requirement[];
