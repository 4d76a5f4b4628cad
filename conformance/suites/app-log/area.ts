/** The area app-log: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'app-log',
  folder: 'app-log',
  title: 'App log',
  codes: ['LOG'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§6.4.7: App Log'])],
};
