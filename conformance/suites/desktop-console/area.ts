/** The area desktop-console: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'desktop-console',
  folder: 'desktop-console',
  title: 'The desktop program’s screens, in Chromium',
  codes: ['DESK', 'TFA', 'PAIR', 'MIG', 'PWL'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§1.3',
      '§7.1',
      '§6.3.1: TOTP Only',
      'Appendix A: Unable to accept notification request',
      'Appendix A: One-time password generated not working',
      'Appendix A: Password Lock forgot password',
    ]),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: Limitations']),
    ...sectionsOf('002_938a6250c384f84c.txt', ['Trusted browser']),
  ],
};
