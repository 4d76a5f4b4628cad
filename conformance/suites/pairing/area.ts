/** The area pairing: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'pairing',
  folder: 'pairing',
  title: 'Pairing a device and its connection settings',
  codes: ['PAIR', 'NET', 'STO', 'DESK'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', ['§2.5', '§6.2', '§6.2.1', '§6.2.1: Manually specify', '§7.1', '§10.2']),
  ],
};
