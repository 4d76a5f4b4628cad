/** The area os-limitations: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'os-limitations',
  folder: 'os-limitations',
  title: 'OS limitations on backup and restore',
  codes: ['LIM', 'RST'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§1.2', '§2.6.2', '§11: Original location'])],
};
