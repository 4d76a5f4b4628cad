/*
 * What the pairing dialog says once its QR code paired a device (seed 000 §11.2): a migration names the original
 * device, then the replacement; an added device is named alone.
 */
import { nameElement } from './names.js';

export function pairingOutcome(original, paired) {
  return original
    ? [
        'Replacement device is paired successfully and migration of contents from ',
        nameElement('b', original.name),
        ' to ',
        nameElement('b', paired.name),
        ' is completed.',
      ]
    : ['Device paired successfully. Mobile backup registration is successful: ', nameElement('b', paired.name)];
}
