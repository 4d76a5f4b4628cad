/** The area tfa-password-lock: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-password-lock',
  folder: 'two-factor/password-lock',
  title: '2FA: the password lock',
  codes: ['PWL', 'REC'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      'Appendix A: Password Lock forgot password',
      'Appendix A: Unable to accept notification request',
    ]),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: How it works']),
  ],
};
