/**
 * Push approval through the app's screens (seed 000 §2.4, §6.4.4, Appendix A; seed 001 "How it works"), as
 * tfa-push-app-approval checks it on the app model: a phone registered by Scan QR code lists the desktop's request on its
 * 2FA page (Refresh) with a notification; Approve logs the desktop in with no prompt while enhanced security is off,
 * Reject never does, and then Resend and the code on the page still work. With the network off (`mobile:
 * setNetwork`) nothing arrives, Resend and the page's code still work, and back online the resent request arrives.
 * With enhanced security on, Approve asks for the device password or a biometric: Cancel and a wrong password leave
 * the login waiting. No recovery phone is ever set. On Android, with notifications turned off for the app, the
 * request is listed and raises no notification.
 *
 * Nothing here needs the server's clock: without it the phone moves on a step for its next code.
 *
 * Not through the screens: notifications denied on iOS (iOS asks at first launch, before a WebDriver command can
 * answer), so PUSH-09 is shown on Android only; ESEC-04 on a phone without a screen lock, as in process.
 */
import { skipUnless, type Check, type DeviceCheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import type { AppDriver } from '../../../../devices/appium-driver/app-driver.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { pushTo, stateOf } from './app-approval.js';
import { expectEqual, expectTrue } from '../../../kit/device-support.js';
import { withTwoFactor } from '../common/session.js';
import { shown } from '../../../kit/page-elements.js';
import { state, typeDevicePassword, withApp } from '../../../kit/screens-support.js';
import { codeOnPage, logIn, stepOnPhone, whileRegistered } from '../common/screens-support.js';
import { where } from '../../../kit/applies.js';

const PIN = '2468';

/** The 2FA page after Refresh: the requests it lists. */
async function listed(driver: AppDriver): Promise<string[]> {
  await driver.tap('tab-2fa');
  await driver.tap('tfa-refresh');
  return (await shown(driver, /^request-.+-title$/)).map((e) => e.id.slice('request-'.length, -'-title'.length));
}

const notified = async (driver: AppDriver) =>
  (await driver.execute('mobile: notifications')).notifications.map((n) => n.id);

/** A phone registered by QR for the check, its authenticator removed from the server at the end. */
async function onRegisteredPhone(
  context: DeviceCheckContext,
  desk: MbsClient,
  steps: (driver: AppDriver, phone: { authenticatorId: string }) => Promise<void>,
): Promise<void> {
  await withApp(context, (driver) =>
    whileRegistered(driver, desk, async ({ scanned, authenticatorId }) => {
      expectTrue(['PUSH-01'], scanned.ok && authenticatorId !== undefined, `Scan QR code: ${JSON.stringify(scanned)}`);
      await steps(driver, { authenticatorId: authenticatorId! });
    }),
  );
}

/** Approve with enhanced security on: the prompt first; Cancel and a wrong password leave the login waiting. */
async function securedApproval(driver: AppDriver, desk: MbsClient, phone: { authenticatorId: string }) {
  await driver.execute('mobile: setScreenLock', { lock: 'pin', secret: PIN });
  await driver.tap('tab-more');
  await driver.tap('more-enhanced-security');
  await typeDevicePassword(driver, PIN);
  const { loginId, requestId } = await pushTo(desk, phone);
  await driver.tap('tab-2fa');
  // The page asks first too (ESEC-05, the enhanced security model's).
  if ((await driver.pageSource()).includes('"tfa-unlock"')) {
    await driver.tap('tfa-unlock');
    await typeDevicePassword(driver, PIN);
  }
  expectTrue(['ESEC-04'], (await listed(driver)).includes(requestId), 'the request on the unlocked 2FA page');
  for (const password of [undefined, `${PIN}9`]) {
    await driver.tap(`request-${requestId}-approve`);
    const asked = (await state(driver)).screen === 'authenticate';
    if (asked && password !== undefined) {
      await typeDevicePassword(driver, password);
    }
    if (asked) await driver.tap('auth-cancel');
    const what = password === undefined ? 'without authenticating' : 'with a wrong password';
    expectTrue(['ESEC-04'], asked && (await stateOf(desk, loginId)) !== 'logged-in', `approved ${what}`);
  }
  await driver.tap(`request-${requestId}-approve`);
  await typeDevicePassword(driver, PIN);
  await driver.execute('mobile: waitForIdle', {});
  expectEqual(['ESEC-04'], 'the login after an authenticated approval', await stateOf(desk, loginId), 'logged-in');
}

export const uiPushCheck: Check = {
  id: 'tfa-push-app-approval-screens',
  title:
    'Through the screens: a push request reaches the 2FA page; Approve logs in, Reject never does; offline nothing arrives and the code still works; enhanced security asks before Approve',
  area: 'PUSH',
  requirements: ['PUSH-01', 'PUSH-03', 'PUSH-06', 'PUSH-08', 'TOTP-07', 'ESEC-04', 'ESEC-06', 'TFA-17'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({
    overWebDriverOf: 'tfa-push-app-approval',
    twoFactor: true,
    console: true,
    device: 'alone',
  }),
  run: (context: DeviceCheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(() =>
        onRegisteredPhone(context, desk, async (driver, phone) => {
          const first = await pushTo(desk, phone);
          const arrived = await listed(driver);
          const notes = await notified(driver);
          expectTrue(
            ['PUSH-01'],
            arrived.includes(first.requestId) && notes.includes(first.requestId),
            `the page lists [${arrived}], notifications [${notes}], not ${first.requestId}`,
          );
          await driver.tap(`request-${first.requestId}-approve`);
          const prompt = (await driver.execute('mobile: waitForIdle', {})).screen === 'authenticate';
          expectTrue(['ESEC-06'], !prompt, 'Approve asked to authenticate with enhanced security off');
          const approved = await stateOf(desk, first.loginId);
          expectEqual(['PUSH-03', 'TFA-17'], 'the login after Approve', approved, 'logged-in');

          const second = await pushTo(desk, phone);
          await listed(driver);
          await driver.tap(`request-${second.requestId}-reject`);
          await driver.execute('mobile: waitForIdle', {});
          expectEqual(['PUSH-06'], 'the login after Reject', await stateOf(desk, second.loginId), 'push-rejected');
          const resent = await pushTo(desk, phone).catch((error: unknown) => error);
          expectTrue(['PUSH-06'], !(resent instanceof Error), `Resend after a rejection: ${String(resent)}`);
          const code = await logIn(desk, await codeOnPage(driver, time));
          expectEqual(['PUSH-06', 'TFA-17'], 'a login with the code after a rejection', code, 'logged-in');
          await stepOnPhone(driver, time);

          await driver.execute('mobile: setNetwork', { network: 'off' });
          const before = (await notified(driver)).length;
          const offline = await pushTo(desk, phone);
          const again = await pushTo(desk, phone);
          const seen = await listed(driver);
          const quiet = seen.every((id) => id !== offline.requestId && id !== again.requestId);
          expectTrue(
            ['PUSH-08'],
            quiet && (await notified(driver)).length === before,
            'an offline phone got a request',
          );
          const offlineCode = await logIn(desk, await codeOnPage(driver, time));
          expectEqual(['PUSH-08', 'TOTP-07'], "a login with an offline phone's code", offlineCode, 'logged-in');
          await driver.execute('mobile: setNetwork', { network: 'lan' });
          expectTrue(['PUSH-08'], (await listed(driver)).includes(again.requestId), 'back online, no resent request');
          await stepOnPhone(driver, time);

          if (context.column.profile.screenLock !== 'none') await securedApproval(driver, desk, phone);
        }),
      ),
    ),
};

export const uiPushNotificationsDeniedCheck: Check = {
  id: 'tfa-push-notifications-denied-screens',
  title: 'Through the screens: with notifications turned off for the app, a push request is listed and raises none',
  area: 'PUSH',
  requirements: ['PUSH-09'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({
    overWebDriverOf: 'tfa-push-app-approval',
    twoFactor: true,
    console: true,
    device: 'alone',
    also: (column) =>
      skipUnless(
        column.profile?.platform === 'android',
        'iOS asks for notifications at first launch, before a WebDriver command can deny it',
      ),
  }),
  run: (context: DeviceCheckContext) =>
    withTwoFactor(context, (desk) =>
      checkOnce(() =>
        onRegisteredPhone(context, desk, async (driver, phone) => {
          await driver.execute('mobile: setPermission', { permission: 'notifications', answer: 'deny' });
          const { requestId } = await pushTo(desk, phone);
          const seen = await listed(driver);
          const notes = await notified(driver);
          expectTrue(
            ['PUSH-09'],
            seen.includes(requestId) && notes.length === 0,
            `notifications denied: the page lists [${seen}], notifications [${notes}]`,
          );
        }),
      ),
    ),
};

export const UI_2FA_PUSH_CHECKS: readonly Check[] = [uiPushCheck, uiPushNotificationsDeniedCheck];
