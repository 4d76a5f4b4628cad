/** The area migration: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'migration',
  folder: 'migration',
  title: 'Migration to a replacement device',
  codes: ['PAIR', 'MIG', 'RST'],
  seedSections: [...sectionsOf('000_8f6d92a3609944da.txt', ['§7.1', '§11', '§11: Migration', '§11.2'])],
};
