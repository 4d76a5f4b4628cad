/** The app as authenticator against the reference server's 2FA: register by QR or secret, push, one-time codes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TwoFactorApp } from '../../../simulators/app/authenticator/two-factor-app.js';
import { MobileApp } from '../../../simulators/app/mobile-app.js';
import { VirtualClock } from '../../../simulators/clock/virtual-clock.js';
import { SimulatedDevice } from '../../../simulators/device/simulated-device.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { spec } from '../../helpers/sim.js';

let t: TestServer;
let now = Date.UTC(2026, 10, 22, 9, 0, 5);
beforeAll(async () => {
  t = await startTestServer('pro', { clock: { now: () => now } });
});
afterAll(async () => t.close());

/** A device whose clock reads the same time as the server's. */
function phone(platform: 'android' | 'ios') {
  const clock = new VirtualClock(now);
  const app = new MobileApp(new SimulatedDevice(spec(platform), clock));
  return { app, clock, twoFactor: new TwoFactorApp(app) };
}

function advance(clock: VirtualClock, ms: number) {
  now += ms;
  clock.advance(ms);
}

describe('the app as authenticator', () => {
  it('registers by QR, approves a push login, and signs in with a one-time password once', async () => {
    const { app, clock, twoFactor } = phone('android');
    const registration = await t.console.call('createRegistration', { body: {} });
    const account = await twoFactor.scanRegistrationQr(registration.payload);
    expect(account).toMatchObject({ push: true, algorithm: 'SHA1', digits: 6, period: 30 });
    expect(app.log.visible()[0]?.type).toBe('2FA Info');
    const authenticatorId = twoFactor.linkFor(account.id)?.authenticatorId as string;

    const login = await t.console.call('startLogin', { body: {} });
    expect(login.state).toBe('choose-method');
    const waiting = await t.console.call('loginPush', {
      params: { loginId: login.loginId },
      body: { authenticatorId },
    });
    expect(waiting.state).toBe('push-wait');
    const [request] = await twoFactor.receivePush();
    expect(app.device.pushInbox).toHaveLength(1);
    expect(await twoFactor.answer(request!.requestId, 'approve')).toBe('approved');
    expect((await t.console.call('getLogin', { params: { loginId: login.loginId } })).state).toBe('logged-in');

    advance(clock, 30_000);
    const code = twoFactor.openPage()[0]!.code;
    const second = await t.console.call('startLogin', { body: {} });
    const done = await t.console.call('loginOtp', { params: { loginId: second.loginId }, body: { code } });
    expect(done.state).toBe('logged-in');
    const third = await t.console.call('startLogin', { body: {} });
    await expect(
      t.console.call('loginOtp', { params: { loginId: third.loginId }, body: { code } }),
    ).rejects.toMatchObject({
      code: 'otp-replayed',
    });
  });

  it('a rejected request never logs in; enhanced security asks before opening the page and approving', async () => {
    const { app, twoFactor } = phone('ios');
    const account = await twoFactor.scanRegistrationQr(
      (await t.console.call('createRegistration', { body: {} })).payload,
    );
    const authenticatorId = twoFactor.linkFor(account.id)?.authenticatorId as string;
    app.security.setEnabled(true, { method: 'password', password: app.device.lockSecret });
    expect(() => twoFactor.openPage()).toThrow(expect.objectContaining({ code: 'authentication-failed' }));
    expect(twoFactor.openPage({ method: 'biometric', match: true }).map((c) => c.id)).toContain(account.id);

    const login = await t.console.call('startLogin', { body: {} });
    await t.console.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId } });
    const [request] = await twoFactor.receivePush();
    await expect(twoFactor.answer(request!.requestId, 'approve')).rejects.toMatchObject({
      code: 'authentication-failed',
    });
    expect(await twoFactor.answer(request!.requestId, 'reject')).toBe('rejected');
    expect((await t.console.call('getLogin', { params: { loginId: login.loginId } })).state).not.toBe('logged-in');
  });
});
