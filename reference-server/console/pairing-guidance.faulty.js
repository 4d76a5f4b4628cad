/*
 * The self-test's faulty pairing-guidance.js (console-pairing-guidance-bare): a dialog for users who have the app
 * already, so it says to scan the code from the app and lists no prerequisites; the ports alone stay.
 */
import { h } from './dom.js';

export const installInstruction = () => h('p', { text: 'Scan this QR code from the Mobile App.' });

export const prerequisites = () => [h('ul', { id: 'prerequisites' })];
