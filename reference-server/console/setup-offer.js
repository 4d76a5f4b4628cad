/*
 * The first login's offer to set up 2FA (seed 000 §1.3): "Upon initial login, you will have an option to set up
 * your two-factor authentication feature. However, you may skip the setup and do it later." Shown when the login
 * ends logged in with setupOffer; Set up now shows the registration QR code, Skip tells the server so later logins
 * no longer offer it.
 */
import { act } from './api.js';
import { h, showError } from './dom.js';
import { registrationView } from './authentication.js';

export function setupOfferView() {
  const error = h('p', { role: 'alert', id: 'setup-offer-error' });
  const now = h('button', { type: 'button', id: 'setup-now', text: 'Set up now' });
  const skip = h('button', { type: 'button', id: 'setup-skip', text: 'Skip' });
  const box = h(
    'div',
    { id: 'setup-offer', role: 'dialog', 'aria-labelledby': 'setup-offer-title' },
    h('h3', { id: 'setup-offer-title', text: 'Set up Two-Factor Authentication' }),
    h('p', {
      text:
        'Register your mobile device to approve each login with a push notification or a one-time password. ' +
        'You may skip the setup and do it later in Settings > Authentication.',
    }),
    now,
    skip,
    error,
  );
  now.addEventListener('click', async () => {
    try {
      const registration = await act('POST', '/v1/console/2fa/registrations', {});
      box.replaceChildren(await registrationView(registration));
    } catch (e) {
      showError(error, e);
    }
  });
  skip.addEventListener('click', async () => {
    try {
      await act('POST', '/v1/console/2fa/setup-offer/skip', {});
      box.replaceWith(
        h('p', {
          id: 'setup-skipped',
          text: 'You can set up Two-Factor Authentication later in Settings > Authentication.',
        }),
      );
    } catch (e) {
      showError(error, e);
    }
  });
  return box;
}
