/*
 * What the pairing dialog asks of the user (seed 000 §7.1): get the app through the QR code and then scan the same
 * code from it, with the prerequisites the desktop program lists beside the code.
 */
import { h } from './dom.js';

export const installInstruction = () =>
  h('p', {
    text:
      'Please scan the QR code to get the below Mobile App from App Store. Once installed the Mobile App, ' +
      'launch it and scan the same QR code to complete the device registration.',
  });

export const prerequisites = () => [
  h('h4', { text: 'Prerequisites' }),
  h(
    'ul',
    { id: 'prerequisites' },
    h('li', { text: 'Please use the latest Mobile App version' }),
    h('li', { text: 'Please make sure below 2 ports are not blocked by any Firewall settings' }),
  ),
];
