/** The area restore: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'restore',
  folder: 'restore',
  title: 'Restore and its file explorer',
  codes: ['RST', 'RFE'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§2.6.2',
      '§6.2.2',
      '§6.2.2.1',
      '§6.2.2.2',
      '§11: Original location',
      '§11.1',
      '§11.1.1',
      '§11.1.2',
      'Appendix B: Select all',
      'Appendix B: Deselect all',
      'Appendix B: Select a few',
      'Appendix B: View tabs',
    ]),
  ],
};
