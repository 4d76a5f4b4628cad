/** The area tfa-recovery: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-recovery',
  folder: 'two-factor/recovery',
  title: '2FA: recovery when unable to log in',
  codes: ['REC', 'TFA', 'MIG'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§6.3.1: Push Notification and TOTP',
      '§11: Migration',
      'Appendix A: Unable to accept notification request',
    ]),
  ],
};
