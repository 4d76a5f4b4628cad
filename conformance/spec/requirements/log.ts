/** The app log and its filter (seed 000 §6.4.7 App Log). */
import type { Requirement } from './types.js';

export const LOG_REQUIREMENTS = [
  {
    id: 'LOG-01',
    statement: 'The app log lists activities, each with its date, time and status.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7: App Log' },
  },
  {
    id: 'LOG-02',
    statement:
      'Log entries are of ten types: General, Backup, Restore, 2FA and Free up space, each as Info or as Error.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7: App Log' },
  },
  {
    id: 'LOG-03',
    statement: 'The log’s filter (its settings icon) shows only the entry types the user ticked.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7: App Log' },
  },
  {
    id: 'LOG-04',
    statement: 'Registering for 2FA writes a 2FA Info entry, and registering for backup writes a Backup Info entry.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7: App Log' },
    interpretation:
      'The seed names "2FA Registration" and "Backup Registration" as logged activities; their types are ours.',
  },
  {
    id: 'LOG-05',
    statement: 'A failed backup writes a Backup Error entry, and a failed restore writes a Restore Error entry.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7: App Log' },
    interpretation:
      'The seed lists the Error types without saying what writes them; failures of the matching activity are the reading.',
  },
  {
    id: 'LOG-06',
    statement:
      'Free up space logs what it does as Free up space entries: Info when it removes items or the user refuses the deletion, Error when the removed items could not be archived on the server.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7: App Log' },
    interpretation:
      'The seed names the types "Free up space info" and "Free up space error" only; as for LOG-05, a failure of the activity writes the Error type.',
  },
] as const satisfies readonly Requirement[];
