/** The area protocol: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'protocol',
  folder: 'protocol',
  title: 'The server protocol: uploads, integrity and the error contract',
  codes: ['BAK', 'RST', 'STO', 'NET'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', ['§2.5', '§2.6.2', '§6.4.5', '§10', '§10.2', '§11: Original location']),
  ],
};
