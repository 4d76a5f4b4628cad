/*
 * What the pairing dialog says once its QR code paired a device (seed 000 §11.2): a migration names the device its
 * contents came from, then the one they went to; an added device is named alone.
 */
import { nameElement } from './names.js';

export const migrationSaid = (from, to) => [
  'Replacement device is paired successfully and migration of contents from ',
  nameElement('b', from.name),
  ' to ',
  nameElement('b', to.name),
  ' is completed.',
];

export const additionSaid = (device) => [
  'Device paired successfully. Mobile backup registration is successful: ',
  nameElement('b', device.name),
];
