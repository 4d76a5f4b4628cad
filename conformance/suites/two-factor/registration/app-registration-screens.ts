/**
 * Registering the app as an authenticator through the screens (seed 000 §6.3.1; seed 002 "Setting up 2FA"): the
 * 2FA page's "Scan QR code" registers for push and codes, and the code the page shows logs the desktop in, with no
 * recovery phone; a phone whose clock runs 5 minutes ahead shows a code the server refuses. "Not able to scan QR
 * code?" takes a display name, the username and the secret key, registers for codes only (the desktop then offers
 * it no push), and leaves no account when the key is wrong or malformed.
 *
 * Nothing here needs the server's clock: without it the phone moves on a step for its next code.
 *
 * Not through the screens: a clock 5 minutes behind (`mobile: advanceClock` only goes forward), and the saved QR
 * code entered on a new phone (the scanner takes the desktop's registration code, not an otpauth URI).
 */
import type { Check, DeviceCheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { expectEqual, expectTrue } from '../../../kit/device-support.js';
import { withTwoFactor } from '../common/session.js';
import { codeOnPage, logIn, registerOnPhone, stepOnPhone, syncClock } from '../common/screens-support.js';
import { phoneName, state, withApp } from '../../../kit/screens-support.js';
import { logRows } from '../../app-log/write-and-read-screens.js';
import { where } from '../../../kit/applies.js';

export const uiRegisterQrCheck: Check = {
  id: 'tfa-registration-qr-screens',
  title:
    'Through the screens: Scan QR code registers the phone for push and codes; the code on the 2FA page logs in without a recovery phone; 5 minutes ahead it fails',
  area: 'TFA',
  requirements: ['TFA-05', 'TFA-17', 'TOTP-01', 'TOTP-09'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({
    overWebDriverOf: 'tfa-registration-qr',
    twoFactor: true,
    console: true,
    device: 'alone',
  }),
  run: (context: DeviceCheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(() =>
        withApp(context, async (driver) => {
          const registered = await registerOnPhone(driver, desk);
          const [account] = (await state(driver)).accounts;
          const listed = (await desk.call('getTwoFactor')).authenticators;
          const name = phoneName(context.session, context.column.profile);
          expectTrue(
            ['TFA-05'],
            registered.scanned.ok && account?.push === true && listed.length === 1 && listed[0]?.push === true,
            `the app holds ${JSON.stringify(account)}, the desktop lists ${JSON.stringify(listed)}`,
          );
          expectEqual(['TFA-05'], 'the name the desktop lists', listed[0]?.name, name);
          const first = await logIn(desk, await codeOnPage(driver, time));
          expectEqual(['TOTP-01', 'TFA-05', 'TFA-17'], 'a login with the code on the 2FA page', first, 'logged-in');
          await stepOnPhone(driver, time);
          const ahead = await logIn(desk, await codeOnPage(driver, time, 5 * 60_000));
          expectTrue(['TOTP-09'], ahead !== 'logged-in', 'a phone 5 minutes ahead logged in');
        }),
      ),
    ),
};

export const uiRegisterSecretCheck: Check = {
  id: 'tfa-registration-secret-screens',
  title:
    'Through the screens: Not able to scan QR code? registers by name, username and secret key for codes only, with a 2FA Info row in App Log; a refused key leaves no account',
  area: 'TFA',
  requirements: ['TFA-06', 'TFA-08', 'TFA-10', 'TOTP-01', 'LOG-04'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({
    overWebDriverOf: 'tfa-registration-secret',
    twoFactor: true,
    console: true,
    device: 'alone',
  }),
  run: (context: DeviceCheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(() =>
        withApp(context, async (driver) => {
          const r = await desk.call('createRegistration', { body: {} });
          const other = r.secret.startsWith('A') ? `B${r.secret.slice(1)}` : `A${r.secret.slice(1)}`;
          const enter = async (secret: string) => {
            await syncClock(driver, time);
            await driver.tap('tab-2fa');
            await driver.tap('tfa-no-qr');
            await driver.type('secret-issuer', 'Office PC');
            await driver.type('secret-username', r.username);
            await driver.type('secret-key', secret);
            await driver.tap('secret-add');
            const after = await driver.execute('mobile: waitForIdle', {});
            if (after.screen === 'secret-entry') await driver.tap('nav-back');
            return after;
          };
          for (const [what, key] of [
            ['another secret key', other],
            ['a malformed key', 'NOT-BASE32!'],
          ] as const) {
            const refused = await enter(key);
            expectTrue(['TFA-08'], refused.message !== null, `${what} was taken`);
            expectEqual(['TFA-08'], `accounts after ${what}`, refused.accounts, []);
          }
          const added = await enter(r.secret.toLowerCase());
          const account = added.accounts[0];
          expectEqual(
            ['TFA-08'],
            'the account the app shows',
            [account?.issuer, account?.label, account?.push],
            ['Office PC', r.username, false],
          );
          const [listed] = (await desk.call('getTwoFactor')).authenticators;
          expectEqual(['TFA-06', 'TFA-10'], 'push on the desktop’s entry', listed?.push, false);
          const { loginId } = await desk.call('startLogin', { body: {} });
          const pushed = await desk
            .call('loginPush', { params: { loginId }, body: { authenticatorId: listed!.authenticatorId } })
            .then(() => 'sent')
            .catch((error: unknown) => (error as { code?: string }).code);
          expectEqual(['TFA-10'], 'push to the secret-key app', pushed, 'push-unavailable');
          // The registration used up the code of its step: the next step's code logs in.
          await stepOnPhone(driver, time);
          const next = await logIn(desk, await codeOnPage(driver, time));
          expectEqual(['TOTP-01', 'TFA-06'], "a login with the app's next code", next, 'logged-in');
          // LOG-04 asks for a 2FA Info entry; what else an app logs beside it is its own.
          const infoRows = (await logRows(driver)).filter((e) => e.type.endsWith(' Info')).map((e) => e.type);
          expectTrue(
            ['LOG-04'],
            infoRows.includes('2FA Info'),
            `the App Log has no 2FA Info row after registering by secret key (its Info rows: ${infoRows.join(', ')})`,
          );
        }),
      ),
    ),
};
