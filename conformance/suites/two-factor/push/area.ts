/** The area tfa-push: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-push',
  folder: 'two-factor/push',
  title: '2FA: push approval',
  codes: ['PUSH', 'LOGIN', 'TOTP', 'ESEC', 'TFA'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§1.3',
      '§2.4',
      '§6.3.1: Push Notification and TOTP',
      '§6.4.4',
      '§11.2',
      'Appendix A: Unable to accept notification request',
      'Appendix A: Rejected notification request',
      'Appendix A: One-time password generated not working',
    ]),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: Features', '2FA: How it works']),
    ...sectionsOf('002_938a6250c384f84c.txt', ['Setting up 2FA']),
  ],
};
