/** The area free-up-space: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'free-up-space',
  folder: 'free-up-space',
  title: 'Free up space',
  codes: ['FUS', 'RFE'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§6.2.2.2', '§6.4.5'])],
};
