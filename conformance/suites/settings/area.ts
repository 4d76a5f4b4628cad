/** The area settings: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'settings',
  folder: 'settings',
  title: 'App settings, language and help',
  codes: ['SET'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§6', '§6.4', '§6.4.6', '§6.4.7'])],
};
