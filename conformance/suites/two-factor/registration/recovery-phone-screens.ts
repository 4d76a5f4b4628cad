/**
 * The recovery phone through the screens (seed 000 §6.3.1 step 6): after a QR registration, the 2FA page's "Enter
 * recovery phone number" takes the country code and the number, "Send SMS verification code" shows the letters the
 * SMS code starts with, and the digits typed beside them verify the number; a number without its country code and
 * wrong digits are refused with the reason shown. The SMS is read from the server's outbox, as the in-process check
 * reads it; the desktop's 2FA settings then show the number's last two digits.
 *
 * Not through the screens: the SMS on the phone itself (the server's gateway sends it to the number typed, which
 * need not be this phone's).
 */
import type { Check, DeviceCheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { expectEqual, expectTrue } from '../../../kit/device-support.js';
import { Outbox, parseSentCode } from '../common/actors.js';
import { withTwoFactor } from '../common/session.js';
import { whileRegistered } from '../common/screens-support.js';
import { state, withApp } from '../../../kit/screens-support.js';
import { where } from '../../../kit/applies.js';

/** What the seed's example number is typed as: the country code in its own field. */
const COUNTRY = '+86';
const NUMBER = '1380013800';

export const uiRecoveryPhoneCheck: Check = {
  id: 'tfa-registration-recovery-phone-screens',
  title:
    'Through the screens: after a QR registration the 2FA page verifies a recovery phone number with its country code by the SMS code',
  area: 'TFA',
  requirements: ['TFA-16'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({
    overWebDriverOf: 'tfa-registration-recovery-phone',
    twoFactor: true,
    console: true,
    device: 'alone',
  }),
  run: (context: DeviceCheckContext) =>
    withTwoFactor(context, async (desk) => {
      const outbox = await Outbox.open(desk);
      return checkOnce(() =>
        withApp(context, async (driver) => {
          await whileRegistered(driver, desk, async (registered) => {
            expectTrue(['TFA-16'], registered.scanned.ok, `the QR registration: ${JSON.stringify(registered)}`);
            await driver.tap('tfa-recovery-phone');
            await driver.type('recovery-number', NUMBER);
            await driver.tap('recovery-send');
            const bare = await state(driver);
            const noLetters = !(await driver.pageSource()).includes('"recovery-letters"');
            expectTrue(['TFA-16'], bare.message !== null && noLetters, 'a number without its country code was taken');
            expectEqual(['TFA-16'], 'SMS sent for a number without its country code', await outbox.read(), []);

            await driver.tap('message-ok');
            await driver.type('recovery-country', COUNTRY);
            await driver.tap('recovery-send');
            const [sms, ...more] = await outbox.read();
            const code = sms?.to === `${COUNTRY}${NUMBER}` && more.length === 0 ? parseSentCode(sms.text) : undefined;
            const sent = (await driver.pageSource()).includes('"recovery-letters"');
            const shown = sent
              ? await driver.text('recovery-letters')
              : `no letters (${(await state(driver)).message})`;
            expectTrue(
              ['TFA-16'],
              code !== undefined && shown === `${code.letters}-`,
              `shown ${shown}, sent ${sms?.text}`,
            );

            await driver.type('recovery-digits', code!.digits === '111111' ? '222222' : '111111');
            await driver.tap('recovery-verify');
            const wrong = await state(driver);
            expectTrue(['TFA-16'], wrong.recoveryPhoneLastDigits === null, 'wrong digits verified the number');
            expectTrue(['TFA-16'], wrong.message !== null, 'no reason shown for wrong digits');
            await driver.tap('message-ok');
            await driver.type('recovery-digits', code!.digits);
            await driver.tap('recovery-verify');
            const verified = await state(driver);
            expectEqual(['TFA-16'], 'the app after the SMS digits', verified.message, RECOVERY_VERIFIED);
            const listed = (await desk.call('getTwoFactor')).authenticators.find(
              (a) => a.authenticatorId === registered.authenticatorId,
            );
            expectEqual(['TFA-16'], 'the last digits on the desktop', listed?.recoveryPhoneLastDigits, '00');
          });
        }),
      );
    }),
};

const RECOVERY_VERIFIED = 'Successfully verified the phone number for account recovery.';
