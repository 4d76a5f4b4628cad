/** The area storage: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'storage',
  folder: 'storage',
  title: 'Server storage layout',
  codes: ['STO', 'BAK', 'MIG', 'NET'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', ['§1.2', '§2.5', '§7.1', '§10', '§10.2']),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['Mobile Backup: How it works']),
  ],
};
