/** The area tfa-login: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-login',
  folder: 'two-factor/login',
  title: '2FA: the desktop login',
  codes: ['LOGIN', 'PWL', 'PUSH', 'TFA'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§1.3',
      '§6.3.1: TOTP Only',
      '§6.4.4',
      '§11.2',
      'Appendix A: Unable to accept notification request',
      'Appendix A: Password Lock forgot password',
    ]),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: Features', '2FA: How it works']),
  ],
};
