/**
 * Two-factor through the phone's screens: Approve on the 2FA page logs a desktop in, and a phone without a camera
 * registers by secret key instead of the QR scanner. Both register an authenticator, so each runs alone.
 */
import type { Check, DeviceCheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { expectEqual, expectTrue } from '../../../kit/device-support.js';
import { authenticatorIds, removeAuthenticatorsSince } from '../common/support.js';
import { state, withApp } from '../../../kit/screens-support.js';
import { whileRegistered } from '../common/screens-support.js';
import { where } from '../../../kit/applies.js';
import { shown } from '../../../kit/page-elements.js';

export const uiPushApprovalCheck: Check = {
  id: 'tfa-registration-push-approval-screens',
  title:
    'Through the screens: a phone registered by QR gets the push request on its 2FA page, and Approve logs the desktop in',
  area: 'PUSH',
  requirements: ['TFA-05', 'PUSH-01', 'PUSH-03'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({ device: 'paired', twoFactor: true }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const desk = context.session.console!;
        await whileRegistered(driver, desk, async ({ scanned, authenticatorId }) => {
          expectTrue(
            ['TFA-05'],
            scanned.ok && authenticatorId !== undefined,
            `registration: ${JSON.stringify(scanned)}`,
          );
          const login = await desk.call('startLogin', { body: {} });
          await desk.call('loginPush', {
            params: { loginId: login.loginId },
            body: { authenticatorId: authenticatorId! },
          });
          await driver.tap('tfa-refresh');
          const request = (await state(driver)).requests.find((r) => r.loginId === login.loginId);
          expectTrue(['PUSH-01'], request !== undefined, 'the push request on the phone’s 2FA page');
          await driver.tap(`request-${request!.requestId}-approve`);
          await driver.execute('mobile: waitForIdle', {});
          const after = await desk.call('getLogin', { params: { loginId: login.loginId } });
          expectEqual(['PUSH-03'], 'the login after Approve', after.state, 'logged-in');
        });
      }),
    ),
};

export const uiNoCameraCheck: Check = {
  id: 'tfa-registration-without-camera-screens',
  title:
    'Through the screens: a phone without a camera cannot open the QR scanner, and registers for 2FA by secret key',
  area: 'TFA',
  requirements: ['TFA-12', 'TFA-08'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({ device: 'paired', twoFactor: true }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(
        context,
        async (driver) => {
          await driver.tap('tab-2fa');
          await driver.tap('tfa-scan-qr');
          const refused = await state(driver);
          expectTrue(['TFA-12'], refused.screen !== 'scanner', 'the QR scanner opened on a phone without a camera');
          expectTrue(['TFA-12'], /camera/i.test(refused.message ?? ''), `the app says: "${refused.message}"`);
          await driver.tap('message-ok');
          const desk = context.session.console!;
          const before = await authenticatorIds(desk);
          const registration = await desk.call('createRegistration', { body: {} });
          try {
            const offered = await shown(driver, /^tfa-no-qr$/);
            expectTrue(['TFA-12'], offered.length === 1, 'no "Not able to scan QR code?" on a phone without a camera');
            await driver.tap('tfa-no-qr');
            await driver.type('secret-issuer', 'MBS');
            await driver.type('secret-username', registration.username);
            await driver.type('secret-key', registration.secret);
            await driver.tap('secret-add');
            await driver.execute('mobile: waitForIdle', {});
            const after = await state(driver);
            const account = after.accounts.find((a) => a.label === registration.username);
            expectTrue(
              ['TFA-12', 'TFA-08'],
              account !== undefined,
              `no account after the secret key: ${after.message}`,
            );
          } finally {
            await removeAuthenticatorsSince(desk, before);
          }
        },
        { camera: false },
      ),
    ),
};
