/** The area tfa-accounts: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-accounts',
  folder: 'two-factor/accounts',
  title: "2FA: the app's accounts",
  codes: ['TFA', 'TOTP'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', ['§6.3.2', '§6.3.3', '§6.3.4']),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: Features', '2FA: How it works']),
    ...sectionsOf('002_938a6250c384f84c.txt', ['Setting up 2FA']),
  ],
};
