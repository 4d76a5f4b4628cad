/*
 * The TOTP secret key behind "Not able to scan QR code?" (seed 000 §6.3.1): the key of the account the
 * registration's QR code carries, for a person to type into an authenticator app.
 */
import { h } from './dom.js';

/** Show Secret Key, and the registration's secret key it shows. */
export function secretKeyShown(registration) {
  const secret = h('span', { id: 'secret-key', class: 'secret', hidden: true, text: registration.secret });
  const show = h('button', { type: 'button', id: 'show-secret-key', text: 'Show Secret Key' });
  show.addEventListener('click', () => (secret.hidden = false));
  return [show, ' ', secret];
}
