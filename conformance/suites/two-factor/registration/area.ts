/** The area tfa-registration: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-registration',
  folder: 'two-factor/registration',
  title: '2FA: registering authenticators',
  codes: ['TOTP', 'TFA', 'PUSH', 'LOG'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§2.4',
      '§6.3.1',
      '§6.3.1: Push Notification and TOTP',
      '§6.3.1: TOTP Only',
      '§6.3.4',
      '§6.4.7: App Log',
    ]),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: Features', '2FA: How it works']),
    ...sectionsOf('002_938a6250c384f84c.txt', ['Setting up 2FA', 'What if: lost device']),
  ],
};
