/** The area sources: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'sources',
  folder: 'sources',
  title: 'Backup sources and file types',
  codes: ['SRC', 'FTYPE'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', ['§1.1', '§1.2', '§1.4', '§2.6.2', '§7.1', '§7.2', '§8', '§8.1']),
  ],
};
