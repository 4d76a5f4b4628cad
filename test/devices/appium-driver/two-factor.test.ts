/**
 * 2FA end to end over WebDriver against a Pro reference server on 127.0.0.1: the app registers by scanning the
 * desktop's QR code and shows the account's current code; a login's push request reaches the 2FA page and is
 * approved or rejected there; with enhanced security on, opening the page and approving ask for the device password
 * or a biometric, and a non-matching one approves nothing.
 */
import type { Browser } from 'webdriverio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsApp } from '../../../devices/appium-driver/page-objects/mbs-app.js';
import { Outbox, parseSentCode } from '../../../conformance/suites/two-factor/common/actors.js';
import { totpAt } from '../../../simulators/app/authenticator/totp.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { simulator, startAppiumFixture, type AppiumFixture } from './appium-fixture.js';

let t: TestServer;
let fixture: AppiumFixture;
let browser: Browser;
let app: MbsApp;
let authenticatorId: string;
beforeAll(async () => {
  [t, fixture] = await Promise.all([startTestServer('pro'), startAppiumFixture()]);
  browser = await fixture.session(simulator('iphone-13', t.server.url, 'iOS'));
  app = new MbsApp(browser);
});
afterAll(async () => {
  await fixture?.close();
  await t?.close();
});

async function pushLogin(): Promise<{ loginId: string; requestId: string }> {
  const { loginId } = await t.console.call('startLogin', { body: {} });
  const sent = await t.console.call('loginPush', { params: { loginId }, body: { authenticatorId } });
  return { loginId, requestId: sent.push?.requestId ?? '' };
}

const stateOf = async (loginId: string) => (await t.console.call('getLogin', { params: { loginId } })).state;

describe('2FA over Appium', () => {
  it('registers by QR code and shows the code of the device clock', async () => {
    await app.tabs.twoFactor();
    await app.twoFactor.openScanner();
    const registration = await t.console.call('createRegistration', { body: {} });
    expect(await app.device.scanQr(registration.payload)).toEqual({ ok: true, scanned: '2fa' });
    const state = await app.device.appState();
    expect(state.accounts).toHaveLength(1);
    const account = state.accounts[0]!;
    authenticatorId = account.authenticatorId ?? '';
    expect(account.push).toBe(true);
    expect(await app.twoFactor.code(account.id)).toBe(totpAt(registration.secret, state.clockMs));
  });

  it('approves one login request and rejects another, as the desktop sees', async () => {
    const first = await pushLogin();
    await app.twoFactor.refresh();
    expect(await app.twoFactor.hasRequest(first.requestId)).toBe(true);
    await app.twoFactor.approve(first.requestId);
    expect(await app.twoFactor.message()).toBe('Login approved (approved).');
    expect(await stateOf(first.loginId)).toBe('logged-in');
    expect(await app.twoFactor.hasRequest(first.requestId)).toBe(false);

    const second = await pushLogin();
    const { notifications } = await app.device.run('mobile: notifications');
    expect(notifications.map((n) => n.id)).toContain(second.requestId);
    await app.twoFactor.reject(second.requestId);
    expect(await stateOf(second.loginId)).toBe('push-rejected');
  });

  it('verifies a recovery phone number by the SMS code the outbox holds', async () => {
    const outbox = await Outbox.open(t.console);
    await app.tabs.twoFactor();
    const letters = await app.twoFactor.sendRecoveryCode('+86', '1380013800');
    const code = parseSentCode((await outbox.read()).at(-1)?.text ?? '');
    expect(letters).toBe(code?.letters);
    expect(await app.twoFactor.verifyRecoveryCode(code!.digits)).toBe(
      'Successfully verified the phone number for account recovery.',
    );
    expect((await app.device.appState()).recoveryPhoneLastDigits).toBe('00');
  });

  it('with enhanced security on, asks before opening the page and before approving', async () => {
    await app.tabs.more();
    await app.more.set('enhancedSecurity', true);
    expect(await app.auth.isOpen()).toBe(true);
    expect(await app.device.biometric(true)).toEqual({ ok: true });
    expect(await app.more.securitySaid()).toBe('Enhanced security for 2FA is successfully enabled.');
    expect(await app.more.isOn('enhancedSecurity')).toBe(true);

    const login = await pushLogin();
    await app.tabs.twoFactor();
    await app.twoFactor.unlock();
    expect(await app.auth.password('0000')).toBe('The device password or biometric did not match.');
    expect(await app.auth.password('2580')).toBeUndefined();
    await app.twoFactor.refresh();
    await app.twoFactor.approve(login.requestId);
    expect(await app.auth.isOpen()).toBe(true);
    expect(await app.device.biometric(false)).toMatchObject({ ok: false, code: 'authentication-failed' });
    expect(await stateOf(login.loginId)).toBe('push-wait');
    expect(await app.device.biometric(true)).toEqual({ ok: true });
    expect(await stateOf(login.loginId)).toBe('logged-in');
  });
});
