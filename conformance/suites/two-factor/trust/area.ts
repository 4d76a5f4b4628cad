/** The area tfa-trust: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-trust',
  folder: 'two-factor/trust',
  title: '2FA: trusted browsers and reset',
  codes: ['LOGIN', 'REC'],
  seedSections: [
    ...sectionsOf('002_938a6250c384f84c.txt', ['Trusted browser', 'What if: lost device', 'What if: change device']),
  ],
};
