/** The area backup: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'backup',
  folder: 'backup',
  title: 'Backup job, resume and integrity',
  codes: ['BAK', 'RFE', 'RUN', 'STO'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§6.2.2.2',
      '§6.4.3',
      '§6.4.5',
      '§10',
      '§10.1',
      '§10.2',
      '§11: Original location',
      '§11.2',
    ]),
  ],
};
