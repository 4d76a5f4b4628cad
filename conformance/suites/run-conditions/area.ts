/** The area run-conditions: what its checks cover in the catalogue and the seeds. */
import { sectionsOf, type AreaDeclaration } from '../../kit/area.js';

export const area: AreaDeclaration = {
  name: 'run-conditions',
  folder: 'run-conditions',
  title: 'Run conditions: LAN, battery, charging, power saving, automated backup',
  codes: ['RUN', 'BAK', 'RST'],
  seedSections: [
    ...sectionsOf('000_8f6d92a3609944da.txt', [
      '§1.2',
      '§2.3',
      '§2.5',
      '§2.5: Battery Requirement',
      '§2.5: Backup while charging Requirement',
      '§6.4.1',
      '§6.4.2',
      '§6.4.3',
      '§6.4.5',
      '§10',
      '§10.1',
      '§10.2',
      '§11.1',
    ]),
  ],
};
