/* The self-test's faulty secret-key.js (console-secret-key-foreign): shows a key of 16 base32 characters, not the QR's. */
import { h } from './dom.js';

export function secretKeyShown(registration) {
  const foreign = [...registration.secret].reverse().join('');
  const secret = h('span', { id: 'secret-key', class: 'secret', hidden: true, text: foreign });
  const show = h('button', { type: 'button', id: 'show-secret-key', text: 'Show Secret Key' });
  show.addEventListener('click', () => (secret.hidden = false));
  return [show, ' ', secret];
}
