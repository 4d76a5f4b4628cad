/*
 * A registered device in Settings > Authentication (seed 000 §6.3.1): its name, what it authenticates with, its
 * recovery phone's last digits, and Remove.
 */
import { h } from './dom.js';
import { nameElement } from './names.js';

export function authenticatorRow(a, onRemove) {
  const remove = h('button', { type: 'button', text: 'Remove', class: 'remove-authenticator' });
  remove.addEventListener('click', () => onRemove(a));
  return h(
    'tr',
    { 'data-authenticator-id': a.authenticatorId },
    h('td', {}, nameElement('span', a.name, 'authenticator-name')),
    h('td', { text: a.push ? 'Push notification and TOTP' : 'TOTP only' }),
    h('td', { text: a.recoveryPhoneLastDigits ? `Recovery phone ending ${a.recoveryPhoneLastDigits}` : '' }),
    h('td', {}, remove),
  );
}
