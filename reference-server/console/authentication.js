/*
 * Settings > Authentication (Pro and Lite; seed 000 §1.3, §6.3.1; seed 001 2FA): the 2FA switch, Add with a QR
 * code (or the TOTP secret key behind "Not able to scan QR code?"), the registered devices, the password lock, and
 * resetting 2FA with a one-time password.
 */
import { act, read } from './api.js';
import { keepFresh, staleReads } from './changes.js';
import { h, openDialog, showError } from './dom.js';
import { nameElement } from './names.js';
import { qrImage } from './qr.js';
import { secretKeyShown } from './secret-key.js';
import { authenticatorRow } from './authenticator-row.js';

const POLL_MS = 1500;

/** The QR code to register the app for 2FA, with the secret key behind its link (also after a recovery). */
export async function registrationView(registration) {
  const secretBox = h(
    'div',
    { id: 'secret-key-pairing', hidden: true },
    h('p', {}, 'Account: ', nameElement('span', registration.username, 'account-name')),
    h('p', {}, ...secretKeyShown(registration)),
  );
  const link = h('a', {
    href: '#',
    id: 'not-able-to-scan',
    text: 'Not able to scan QR code? Click here to pair with TOTP secret key',
  });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    secretBox.hidden = false;
  });
  return h(
    'div',
    { class: 'registration' },
    h('h3', { text: 'App Download and Device Pairing' }),
    h('p', {
      text:
        'Please scan the QR code to get the below Mobile App from App Store. Once installed the Mobile App, ' +
        'launch it and scan the same QR code to complete the device registration.',
    }),
    await qrImage(registration.payload, '2FA registration QR code'),
    h('h4', { text: 'Prerequisites' }),
    h('ul', {}, h('li', { text: 'Please use the latest Mobile App version' })),
    link,
    secretBox,
  );
}

export function authenticationScreen(root) {
  const error = h('p', { role: 'alert', id: 'authentication-error' });
  const toggle = h('input', { type: 'checkbox', id: 'two-factor-switch', disabled: true });
  const list = h('tbody', { id: 'authenticator-list' });
  const lockState = h('p', { id: 'password-lock-state' });
  // The list as last drawn: read again at every poll, it is drawn anew only when it changed.
  let listed;
  // A poll asked before an action (Remove, the password lock, Reset 2FA) answered reads the settings from before it.
  const reads = staleReads();
  const refresh = async () => {
    const settings = await reads.fresh(() => read('/v1/console/2fa'));
    if (settings === undefined) return;
    toggle.checked = settings.enabled;
    const lock = settings.passwordLock.set ? 'Password lock: on' : 'Password lock: off';
    if (lockState.textContent !== lock) lockState.textContent = lock;
    const authenticators = JSON.stringify(settings.authenticators);
    if (authenticators !== listed) {
      listed = authenticators;
      list.replaceChildren(...settings.authenticators.map((a) => authenticatorRow(a, remove)));
    }
  };
  /** After an action answered: the settings read again, never drawn older by a poll asked before it. */
  const refreshAfterAction = () => reads.afterStep(refresh);
  const remove = async (a) => {
    try {
      await act('DELETE', `/v1/console/2fa/authenticators/${encodeURIComponent(a.authenticatorId)}`);
      await refreshAfterAction();
    } catch (e) {
      showError(error, e);
    }
  };
  const add = h('button', { type: 'button', id: 'add-authenticator', text: 'Add' });
  add.addEventListener('click', async () => {
    try {
      const registration = await act('POST', '/v1/console/2fa/registrations', {});
      const close = h('button', { type: 'button', id: 'registration-close', text: 'Close' });
      const dialog = openDialog('registration', await registrationView(registration), close);
      close.addEventListener('click', () => dialog.remove());
    } catch (e) {
      showError(error, e);
    }
  });
  root.replaceChildren(
    h('h2', { text: 'Authentication' }),
    h('p', {}, h('label', { for: 'two-factor-switch', text: 'Two-Factor Authentication ' }), toggle),
    h('p', { class: 'note', text: 'Two-Factor Authentication is on while at least one device is registered.' }),
    add,
    h('table', {}, list),
    lockState,
    passwordLockForm(error, refreshAfterAction),
    resetForm(error, refreshAfterAction),
    error,
  );
  keepFresh(() => refresh().catch((e) => showError(error, e)), POLL_MS, root);
}

function passwordLockForm(error, refresh) {
  const password = h('input', { type: 'password', id: 'lock-password', autocomplete: 'new-password' });
  const email = h('input', { type: 'email', id: 'lock-email', placeholder: 'License e-mail address' });
  const set = h('button', { type: 'button', id: 'lock-set', text: 'Set password lock' });
  set.addEventListener('click', async () => {
    try {
      await act('PUT', '/v1/console/2fa/password-lock', { password: password.value, email: email.value });
      password.value = '';
      await refresh();
    } catch (e) {
      showError(error, e);
    }
  });
  return h('fieldset', {}, h('legend', { text: 'Password lock' }), password, email, set);
}

function resetForm(error, refresh) {
  const code = h('input', { id: 'reset-otp', inputMode: 'numeric', maxLength: 6, placeholder: 'One-time password' });
  const reset = h('button', { type: 'button', id: 'reset-two-factor', text: 'Reset 2FA' });
  const done = h('p', { id: 'reset-outcome', role: 'status' });
  reset.addEventListener('click', async () => {
    try {
      await act('POST', '/v1/console/2fa/reset', { code: code.value });
      done.textContent = 'Two-Factor Authentication was reset: every registered device was removed.';
      await refresh();
    } catch (e) {
      showError(error, e);
    }
  });
  return h('fieldset', {}, h('legend', { text: 'Reset 2FA with a one-time password' }), code, reset, done);
}
