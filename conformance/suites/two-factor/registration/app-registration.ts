/**
 * The app as a registered authenticator (seed 000 §6.3.1; seed 002 "Setting up 2FA", "What if: lost device"):
 * scanning the desktop's QR code registers it for push and codes, and its codes log in; a phone whose clock is 5
 * minutes off makes codes the server refuses; the saved QR code and secret key on a new phone make codes the server
 * accepts, whatever key the scanning app was given; the secret-key path takes a display name, the username and the
 * key, registers for codes only and keeps nothing when refused; the recovery phone, with its country code, is
 * verified by an SMS code.
 */
import { ClientError } from '../../../spec/errors.js';
import { decodeRegistrationPayload } from '../../../spec/protocol/two-factor-payload.js';
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import { appWorld, phoneAStepOn, shownCode, shownCodes } from '../common/app-world.js';
import { Outbox, parseSentCode } from '../common/actors.js';
import { attempt, mustPass, mustRefuse, said } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';

export const appRegisterQrCheck: Check = {
  id: 'tfa-registration-qr',
  title: 'The app registers by QR code for push and codes; its codes log in, also on a new phone; 5 minutes off fail',
  area: 'TFA',
  requirements: ['TFA-05', 'TFA-17', 'TOTP-01', 'TOTP-09', 'TOTP-10'],
  scope: 'device',
  exclusive: true,
  tags: ['2fa', 'app', 'time-travel'],
  applies: where({ twoFactor: true, console: true, device: 'alone' }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const phone = await appWorld(context, time);
        const registration = await desk.call('createRegistration', { body: {} });
        const account = await mustPass(
          phone.twoFactor.scanRegistrationQr(registration.payload),
          ['TFA-05'],
          'scanning the QR code',
        );
        const listed = (await desk.call('getTwoFactor')).authenticators;
        if (!account.push || listed.length !== 1 || listed[0]?.name !== phone.device.spec.name || !listed[0].push) {
          throw new Violation(
            ['TFA-05'],
            `the app holds ${JSON.stringify(account)}, the desktop lists ${JSON.stringify(listed)}`,
          );
        }
        const logIn = async (code: string) => {
          const { loginId } = await desk.call('startLogin', { body: {} });
          return attempt(desk.call('loginOtp', { params: { loginId }, body: { code } }));
        };
        const first = await logIn(shownCode(phone, account.id));
        if (!first.ok || first.value.state !== 'logged-in')
          throw new Violation(['TOTP-01', 'TFA-05', 'TFA-17'], `the app's code: ${said(first)}`);

        // The same account on phones whose clocks are 5 minutes off.
        for (const skewMs of [5 * 60_000, -5 * 60_000]) {
          const skewed = await appWorld(context, time, { skewMs });
          skewed.app.accounts.restore([account]);
          const off = await logIn(shownCode(skewed, account.id));
          if (off.ok) throw new Violation(['TOTP-09'], `a phone ${skewMs / 60_000} minutes off logged in`);
        }

        // The saved QR code (the otpauth URI it carries) and the saved secret key entered on a new phone, a step
        // later: both show the same code on one opening of the 2FA page, and it logs in.
        const replacement = await phoneAStepOn(context, time);
        const saved = [
          replacement.app.accounts.addFromUri(decodeRegistrationPayload(registration.payload).otpauth),
          replacement.app.accounts.addFromSecret('Office PC', registration.username, registration.secret),
        ];
        const [byQr, bySecret] = shownCodes(
          replacement,
          saved.map((a) => a.id),
        );
        if (byQr !== bySecret)
          throw new Violation(['TOTP-10'], `on a new phone the saved QR code shows ${byQr}, the saved key ${bySecret}`);
        const fresh = await logIn(bySecret ?? '');
        if (!fresh.ok)
          throw new Violation(['TOTP-10'], `the saved QR code and secret key on a new phone: ${said(fresh)}`);
      }),
    ),
};

export const appRegisterSecretCheck: Check = {
  id: 'tfa-registration-secret',
  title:
    'The app registers by name, username and secret key for codes only, logging a 2FA Info entry; a refused key leaves no account',
  area: 'TFA',
  requirements: ['TFA-06', 'TFA-08', 'TFA-10', 'TOTP-01', 'LOG-04'],
  scope: 'device',
  exclusive: true,
  tags: ['2fa', 'app', 'time-travel'],
  applies: where({ twoFactor: true, console: true, device: 'alone' }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const phone = await appWorld(context, time);
        const r = await desk.call('createRegistration', { body: {} });
        const { url } = context.session;
        const other = r.secret.startsWith('A') ? `B${r.secret.slice(1)}` : `A${r.secret.slice(1)}`;
        await mustRefuse(
          phone.twoFactor.registerBySecret(url, 'Office PC', r.username, other),
          ['registration-invalid'],
          ['TFA-08'],
          'another secret key',
        );
        const typo = await phone.twoFactor
          .registerBySecret(url, 'Office PC', r.username, 'NOT-BASE32!')
          .catch((e: unknown) => e);
        if (!(typo instanceof ClientError) || typo.code !== 'otpauth-invalid')
          throw new Violation(['TFA-08'], `a malformed key: ${String(typo)}`);
        if (phone.app.accounts.list().length > 0)
          throw new Violation(['TFA-08'], 'a refused registration left an account in the app');

        phone.sync();
        const account = await mustPass(
          phone.twoFactor.registerBySecret(url, 'Office PC', r.username, r.secret.toLowerCase()),
          ['TFA-06', 'TFA-08'],
          'the right key',
        );
        if (account.issuer !== 'Office PC' || account.label !== r.username || account.push) {
          throw new Violation(['TFA-08'], `the app shows ${JSON.stringify(account)}`);
        }
        // LOG-04 asks for a 2FA Info entry; what else an app logs beside it is its own.
        const logged = phone.app.log.all().filter((e) => e.type.endsWith(' Info'));
        if (!logged.some((e) => e.type === '2FA Info'))
          throw new Violation(['LOG-04'], `registering by secret key logged ${JSON.stringify(logged)}`);
        const [listed] = (await desk.call('getTwoFactor')).authenticators;
        if (!listed || listed.push)
          throw new Violation(['TFA-06', 'TFA-10'], `the desktop lists ${JSON.stringify(listed)}`);
        const { loginId } = await desk.call('startLogin', { body: {} });
        const id = { loginId };
        await mustRefuse(
          desk.call('loginPush', { params: id, body: { authenticatorId: listed.authenticatorId } }),
          ['push-unavailable'],
          ['TFA-10'],
          'push to the secret-key app',
        );
        const later = await phoneAStepOn(context, time);
        later.app.accounts.restore([account]);
        await mustPass(
          desk.call('loginOtp', { params: id, body: { code: shownCode(later, account.id) } }),
          ['TOTP-01', 'TFA-06'],
          "the app's next code",
        );
      }),
    ),
};

const PHONE = '+861380013800';

export const appRecoveryPhoneCheck: Check = {
  id: 'tfa-registration-recovery-phone',
  title: 'After a QR registration the app verifies a recovery phone number with its country code by an SMS code',
  area: 'TFA',
  requirements: ['TFA-16'],
  scope: 'device',
  exclusive: true,
  tags: ['2fa', 'app', 'outbox'],
  applies: where({ twoFactor: true, console: true, device: 'alone' }),
  run: (context: CheckContext) =>
    withTwoFactor(context, async (desk, time) => {
      const outbox = await Outbox.open(desk);
      return checkOnce(async () => {
        const phone = await appWorld(context, time);
        await phone.twoFactor.scanRegistrationQr((await desk.call('createRegistration', { body: {} })).payload);
        await mustRefuse(
          phone.twoFactor.setRecoveryPhone('13800138000'),
          ['invalid-request'],
          ['TFA-16'],
          'a number without its country code',
        );
        const sent = await mustPass(
          phone.twoFactor.setRecoveryPhone(PHONE),
          ['TFA-16'],
          '"Send SMS verification code"',
        );
        const [sms, ...more] = await outbox.read();
        const code = sms?.to === PHONE && more.length === 0 ? parseSentCode(sms.text) : undefined;
        if (!code || code.letters !== sent.letters)
          throw new Violation(['TFA-16'], `the app shows ${sent.letters}, the outbox has ${JSON.stringify(sms)}`);
        const wrong = code.digits === '111111' ? '222222' : '111111';
        await mustRefuse(
          phone.twoFactor.verifyRecoveryPhone(wrong),
          ['verification-code-invalid'],
          ['TFA-16'],
          'wrong digits',
        );
        const last = await mustPass(phone.twoFactor.verifyRecoveryPhone(code.digits), ['TFA-16'], 'the SMS digits');
        const [listed] = (await desk.call('getTwoFactor')).authenticators;
        if (last !== '00' || listed?.recoveryPhoneLastDigits !== '00')
          throw new Violation(['TFA-16'], `verified: app ${last}, desktop ${listed?.recoveryPhoneLastDigits}`);
      });
    }),
};
