/** The area tfa-enhanced-security: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'tfa-enhanced-security',
  folder: 'two-factor/enhanced-security',
  title: '2FA: enhanced security',
  codes: ['ESEC'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§6.4.4'])],
};
