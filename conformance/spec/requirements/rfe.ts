/** The restore file explorer: views, tabs and selection (seed 000 §6.2.2.2, Appendix B). */
import type { Requirement } from './types.js';

export const RFE_REQUIREMENTS = [
  {
    id: 'RFE-01',
    statement: 'With the enlarge view toggle off the explorer shows 4 items per row; with it on, 2 items per row.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
    interpretation:
      'DESIGN.md: the seed’s table headers are swapped; its text (disabled: 4 per row, enabled: 2) is what counts.',
  },
  {
    id: 'RFE-02',
    statement: 'The explorer shows how many items are selected for restore.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'RFE-03',
    statement: 'Select all selects every item of the current view, each showing a blue checkmark.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'RFE-04',
    statement: 'Deselect all clears the selection of every item of the current view.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'RFE-05',
    statement: 'The All view groups photos and videos by date; the Album view groups them by album.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'RFE-06',
    statement: 'The Recent tab lists backed-up items that are still on the device.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
    interpretation:
      'The three tabs are read as disjoint: Archive (removed by free up space), Delete (deleted otherwise), Recent (the rest).',
  },
  {
    id: 'RFE-07',
    statement: 'The Archive tab lists the items free up space removed from the device.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'RFE-08',
    statement:
      'The Delete tab lists backed-up items that were later deleted from the device other than by free up space.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'RFE-09',
    statement: 'Items in the Delete tab can be restored as long as the device is still registered on the server.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
  },
  {
    id: 'RFE-10',
    statement: 'Once a device is deleted from the server’s device list, its items are no longer offered for restore.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.2.2.2' },
    interpretation: 'The converse of the seed’s "as long as the mobile device is not yet deleted".',
  },
  {
    id: 'RFE-11',
    statement: 'Tapping a kind’s checkbox on the restore main page selects all items of that kind.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix B: Select all' },
  },
  {
    id: 'RFE-12',
    statement: 'Tapping a blue or orange checkbox of a kind on the restore main page deselects all items of that kind.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix B: Deselect all' },
  },
  {
    id: 'RFE-13',
    statement: 'Documents are browsed by folder, and Select all inside a folder selects that folder’s documents only.',
    level: 'MUST',
    appliesTo: ['app', 'android'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix B: Select all' },
  },
  {
    id: 'RFE-14',
    statement:
      'Single items can be selected and deselected, and Done carries the explorer’s selection back to the restore main page.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix B: Select a few' },
  },
  {
    id: 'RFE-15',
    statement: 'Each of the Recent, Archive and Delete tabs can be shown in the All view and in the Album view.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix B: View tabs' },
  },
] as const satisfies readonly Requirement[];
