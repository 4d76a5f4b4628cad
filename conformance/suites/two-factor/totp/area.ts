/** The area tfa-totp: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-totp',
  folder: 'two-factor/totp',
  title: '2FA: time-based one-time passwords',
  codes: ['TOTP', 'LOGIN'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      'Appendix A: Unable to accept notification request',
      'Appendix A: One-time password generated not working',
    ]),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: Features', '2FA: How it works']),
    ...sectionsOf('002_938a6250c384f84c.txt', ['Setting up 2FA']),
  ],
};
