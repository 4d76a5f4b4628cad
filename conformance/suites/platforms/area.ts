/** The area platforms: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'platforms',
  folder: 'platforms',
  title: 'Supported platforms and OS versions',
  codes: ['PLAT'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§1.1', '§2.2', '§2.5: Permission Requirement'])],
};
