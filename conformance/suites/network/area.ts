/** The area network: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'network',
  folder: 'network',
  title: 'Network, ports and discovery',
  codes: ['NET'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§2.4', '§2.5', '§6.2.1'])],
};
