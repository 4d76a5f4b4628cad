/* The self-test's faulty pairing-outcome.js (console-migration-names-swapped): the two devices in each other's place. */
import { nameElement } from './names.js';

export function pairingOutcome(original, paired) {
  return original
    ? [
        'Replacement device is paired successfully and migration of contents from ',
        nameElement('b', paired.name),
        ' to ',
        nameElement('b', original.name),
        ' is completed.',
      ]
    : ['Device paired successfully. Mobile backup registration is successful: ', nameElement('b', paired.name)];
}
