/** The area editions: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'editions',
  folder: 'editions',
  title: 'Editions and their features',
  codes: ['EDN'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', ['§1.1', '§2.6.1']),
    ...sectionsOf('001_a3861b4dfbe0f786.txt', ['2FA: Features']),
  ],
};
