/*
 * The desktop program's login (seed 000 §1.3, Appendix A; seed 002): the password lock, the choice of 2FA method,
 * the push request with its 5-minute countdown and Resend, a one-time password with the code's countdown, "Unable
 * to login" with the SMS code, "Forgot password" with the e-mail code (those steps in login-recovery.js), and "Trust
 * this browser". Each screen draws the login as the server last stated it; countdowns restart from each fresh answer.
 */
/* global localStorage */
import { act, read } from './api.js';
import { keepFresh, staleReads } from './changes.js';
import { countdown } from './countdown.js';
import { h, showError } from './dom.js';
import { nameElement } from './names.js';
import { registrationView } from './authentication.js';
import { recoverySteps } from './login-recovery.js';
import { setupOfferView } from './setup-offer.js';

const POLL_MS = 1000;
const TRUST_ITEM = 'mbsc-trusted-browser';

const STATE_TITLES = {
  'push-rejected': 'The notification request was rejected.',
  'push-expired': 'The notification request has expired.',
};

export function loginScreen(root, info) {
  let login;
  let clocks = [];
  let local = undefined; // a screen the page shows before asking the server: 'forgot' or 'unable'
  // A poll asked before the latest of the user's steps answered reads the login as it stood before that step.
  const reads = staleReads();
  const error = h('p', { role: 'alert', id: 'login-error' });
  const body = h('div', { id: 'login-body' });

  const stopClocks = () => {
    for (const c of clocks) c.clock.stop();
    clocks = [];
  };
  const path = (suffix) => `/v1/console/logins/${encodeURIComponent(login.loginId)}${suffix}`;
  const run = async (suffix, payload) => {
    error.textContent = '';
    try {
      const next = await act('POST', path(suffix), payload);
      if (next.trustedBrowserToken) localStorage.setItem(TRUST_ITEM, next.trustedBrowserToken);
      reads.stepAnswered();
      local = undefined;
      show(next);
    } catch (e) {
      showError(error, e);
    }
  };
  const button = (id, text, onClick) => {
    const b = h('button', { type: 'button', id, text });
    b.addEventListener('click', onClick);
    return b;
  };
  const link = (id, text, onClick) => {
    const a = h('a', { href: '#', id, text });
    a.addEventListener('click', (event) => {
      event.preventDefault();
      onClick();
    });
    return a;
  };
  const counter = (id, remainingMs) => {
    const el = h('span', { id });
    clocks.push({ id, clock: countdown(el, remainingMs) });
    return el;
  };
  const otpBox = (prompt) => {
    const code = h('input', { id: 'otp-code', inputMode: 'numeric', maxLength: 6, autocomplete: 'one-time-code' });
    const trust = h('input', { type: 'checkbox', id: 'trust-browser' });
    return h(
      'div',
      { id: 'otp-box' },
      h('p', { text: prompt }),
      code,
      counter('otp-countdown', login.otpStepRemainingMs ?? 30_000),
      h('p', {}, trust, h('label', { for: 'trust-browser', text: 'Trust this browser' })),
      button('otp-next', 'Next', () => run('/otp', { code: code.value, trustBrowser: trust.checked })),
    );
  };
  const pushButtons = () =>
    (login.methods?.push ?? []).map((a) => {
      const b = h('button', { type: 'button', class: 'push-device', 'data-authenticator-id': a.authenticatorId });
      b.append('Approve request in Authenticator App from "', nameElement('span', a.name), '"');
      b.addEventListener('click', () => run('/push', { authenticatorId: a.authenticatorId }));
      return b;
    });
  const unable = () => link('unable-to-login', 'Unable to login', () => ((local = 'unable'), draw()));
  const recovery = recoverySteps({ run, button, link, counter, back: () => ((local = undefined), draw()) });

  function screen() {
    if (local === 'forgot') return recovery.forgotForm();
    if (local === 'unable') return recovery.chooseDevice(login);
    if (local === 'otp') return otpScreen();
    switch (login.state) {
      case 'password': {
        const password = h('input', { type: 'password', id: 'login-password', autocomplete: 'current-password' });
        return [
          h('p', { text: 'Please enter your password' }),
          password,
          button('login-submit', 'Login', () => run('/password', { password: password.value })),
          link('forgot-password', 'Forgot password', () => ((local = 'forgot'), draw())),
        ];
      }
      case 'forgot-password':
        return recovery.resetForm(login);
      case 'choose-method':
        return [
          h('h3', { text: 'Two-Factor Authentication' }),
          ...pushButtons(),
          link('use-otp', 'Authenticate with one-time password', () => ((local = 'otp'), draw())),
          unable(),
        ];
      case 'otp':
        return otpScreen();
      case 'push-wait': {
        const push = login.push;
        const device = (login.methods?.push ?? []).find((a) => a.authenticatorId === push.authenticatorId);
        return [
          h('h3', { text: 'Two-Factor Authentication' }),
          h('p', {}, 'Approve request in Authenticator App from "', nameElement('span', device?.name ?? ''), '"'),
          h('p', { id: 'push-waiting' }, 'Waiting for response ', counter('push-countdown', push.remainingMs)),
          push.number ? h('p', { id: 'push-number', text: `Number: ${push.number}` }) : undefined,
          button('push-resend', 'Resend', () => run('/push', { authenticatorId: push.authenticatorId })),
          otpBox('Alternatively, input the one-time passcode generated in your Authenticator App.'),
          unable(),
        ];
      }
      case 'push-rejected':
      case 'push-expired': {
        const id = login.push?.authenticatorId ?? login.methods?.push?.[0]?.authenticatorId;
        return [
          h('p', { id: 'push-outcome', text: STATE_TITLES[login.state] }),
          button('push-resend', 'Resend', () => run('/push', { authenticatorId: id })),
          otpBox('Authenticate with one-time password'),
          unable(),
        ];
      }
      case 'recovery-phone':
        return recovery.phoneForm(login);
      case 'recovery-code':
        return recovery.codeForm(login);
      case 'logged-in':
        return [h('p', { id: 'logged-in', text: 'Logged in.' }), login.setupOffer ? setupOfferView() : undefined];
      default:
        return [h('p', { text: `Unknown login state ${login.state}` })];
    }
  }

  function otpScreen() {
    return [
      h('h3', { text: 'Two-Factor Authentication' }),
      otpBox('Enter one-time passcode generated from authenticator app'),
      unable(),
    ];
  }

  function draw() {
    stopClocks();
    body.dataset.state = local ?? login.state;
    body.replaceChildren(...screen().filter(Boolean));
    if (login.state === 'logged-in' && login.registration) {
      void registrationView(login.registration).then((view) => body.append(view));
    }
  }

  /** A fresh answer: the screen is drawn again when the state changed, else only the countdowns restart. */
  function show(next) {
    // On the one-time password screen the login stays where it was (choose-method, push-…) until the code is in.
    const stay = local === 'otp' && next.state !== 'logged-in';
    const redraw = !stay && (!login || next.state !== login.state || local !== undefined);
    login = next;
    if (redraw) return draw();
    const fresh = [login.push?.remainingMs, login.otpStepRemainingMs, login.code?.remainingMs];
    for (const { id, clock } of clocks) {
      const ms = id.startsWith('push') ? fresh[0] : id.startsWith('otp') ? fresh[1] : fresh[2];
      if (ms !== undefined) clock.restart(ms);
    }
  }

  const poll = async () => {
    if (!login || login.state === 'logged-in') return;
    const next = await reads.fresh(() => read(path('')).catch(() => undefined));
    if (next && (local === undefined || local === 'otp')) show(next);
  };

  const start = button('start-login', 'Start the desktop program', async () => {
    error.textContent = '';
    try {
      const token = localStorage.getItem(TRUST_ITEM);
      local = undefined;
      login = undefined;
      const next = await act('POST', '/v1/console/logins', token ? { browserToken: token } : {});
      reads.stepAnswered();
      show(next);
    } catch (e) {
      showError(error, e);
    }
  });
  root.replaceChildren(h('h2', { text: `Login to ${info.editionLabel}` }), start, body, error);
  keepFresh(poll, POLL_MS, root);
}
