/*
 * The login's ways back in (seed 002): "Unable to login" (choose the registered device, give its recovery phone
 * number, type the SMS code) and "Forgot password" (the license e-mail address, then the e-mail code with a new
 * password). Each step draws the login as the server last stated it, with the login screen's widgets (login.js);
 * the address a code was sent to is kept here, for the next step to name it and for Resend.
 */
import { codeSentTo } from './code-sent-to.js';
import { h } from './dom.js';
import { nameElement } from './names.js';

/** The steps, drawn with `ui`: run(suffix, payload), button, link, counter, and back to the login's own screen. */
export function recoverySteps({ run, button, link, counter, back }) {
  let sentTo = '';

  function chooseDevice(login) {
    const all = [...(login.methods?.push ?? []), ...(login.methods?.otp ?? [])];
    const seen = new Set();
    const unique = all.filter((a) => !seen.has(a.authenticatorId) && seen.add(a.authenticatorId));
    const select = h(
      'select',
      { id: 'recovery-device', 'aria-label': 'Registered device' },
      ...unique.map((a) => h('option', { value: a.authenticatorId }, nameElement('span', a.name))),
    );
    return [
      h('h3', { text: 'Unable to login/Do not have any Authenticator App(s)' }),
      h('p', { text: 'Select the registered mobile device for the 2FA to perform the authentication recovery.' }),
      select,
      button('recovery-next', 'Next', () => run('/recovery', { authenticatorId: select.value })),
      button('recovery-previous', 'Previous', back),
    ];
  }

  function phoneForm(login) {
    const phone = h('input', {
      id: 'recovery-phone',
      type: 'tel',
      placeholder: `+… ending ${login.recovery.phoneLastDigits}`,
    });
    return [
      h('h3', { text: 'Authentication Recovery' }),
      h(
        'p',
        { id: 'recovery-discard' },
        'You have selected ',
        nameElement('span', login.recovery.name),
        ' and it will be discarded after recovery is completed.',
      ),
      h('p', {
        id: 'phone-last-digits',
        text: `Registered recovery phone number ending ${login.recovery.phoneLastDigits}`,
      }),
      phone,
      button('phone-next', 'Next', () => ((sentTo = phone.value), run('/recovery/phone', { phone: phone.value }))),
    ];
  }

  function codeLine(login, id) {
    const digits = h('input', { id: `${id}-digits`, inputMode: 'numeric', maxLength: 6 });
    const line = h(
      'p',
      { id },
      h('span', { id: `${id}-letters`, text: `${login.code.letters} - ` }),
      digits,
      counter(`${id}-countdown`, login.code.remainingMs),
    );
    return { line, digits };
  }

  function codeForm(login) {
    const { line, digits } = codeLine(login, 'sms-code');
    return [
      h('h3', { text: 'Authentication Recovery' }),
      h(
        'p',
        {},
        'You have selected ',
        nameElement('span', login.recovery?.name ?? ''),
        ' and it will be discarded after recovery is completed.',
      ),
      h('p', { text: 'Verification code' }),
      line,
      link('sms-resend', 'Resend SMS Verification code', () => run('/recovery/phone', { phone: sentTo })),
      button('sms-next', 'Next', () => run('/recovery/code', { digits: digits.value })),
    ];
  }

  function forgotForm() {
    const email = h('input', { type: 'email', id: 'forgot-email', placeholder: 'License e-mail address' });
    return [
      h('h3', { text: 'Forgot password' }),
      h('p', { text: 'Enter the email address used for the license.' }),
      email,
      button('forgot-next', 'Next', () => ((sentTo = email.value), run('/forgot-password', { email: email.value }))),
    ];
  }

  function resetForm(login) {
    const { line, digits } = codeLine(login, 'email-code');
    const first = h('input', { type: 'password', id: 'new-password', autocomplete: 'new-password' });
    const second = h('input', { type: 'password', id: 'confirm-password', autocomplete: 'new-password' });
    return [
      h('h3', { text: 'Authentication Recovery' }),
      codeSentTo(sentTo),
      h('p', { text: 'Verification code' }),
      line,
      h('p', { text: 'Please enter a new password to reset your password lock.' }),
      h('label', { for: 'new-password', text: 'New Password' }),
      first,
      h('label', { for: 'confirm-password', text: 'Re-enter Password' }),
      second,
      button('reset-next', 'Next', () =>
        run('/forgot-password/reset', {
          digits: digits.value,
          newPassword: first.value,
          confirmPassword: second.value,
        }),
      ),
    ];
  }

  return { chooseDevice, phoneForm, codeForm, forgotForm, resetForm };
}
