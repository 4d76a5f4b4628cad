/**
 * "Unable to login" end to end (seed 000 Appendix A, §11.2): the app registers a recovery phone; the desktop
 * chooses the device to discard, confirms the phone (last two digits shown), types the SMS code's digits within 5
 * minutes; the device is discarded and a new QR registration pairs the app again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refused, scanRegistration, startFixture, T0, type App, type Fixture } from './fixture.js';

const PHONE = '+85291234589';
let f: Fixture;
let app: App;
let loginId: string;
beforeEach(async () => {
  f = await startFixture();
  app = await f.registerApp();
  loginId = (await f.desk.call('startLogin', { body: {} })).loginId;
});
afterEach(async () => f?.close());

async function registerPhone(on: App = app, phone = PHONE) {
  const sent = await on.call('setRecoveryPhone', { body: { phone } });
  return { sent, code: await f.lastCode() };
}
const choose = (authenticatorId = app.authenticatorId) =>
  f.desk.call('loginRecovery', { params: { loginId }, body: { authenticatorId } });
const phone = (number = PHONE) => f.desk.call('loginRecoveryPhone', { params: { loginId }, body: { phone: number } });
const enter = (digits: string) => f.desk.call('loginRecoveryCode', { params: { loginId }, body: { digits } });

describe('the recovery phone, registered from the app', () => {
  it('gets an SMS code ABCD-123456; its digits verify the number', async () => {
    const { sent, code } = await registerPhone();
    expect(sent).toMatchObject({ channel: 'sms', letters: code.letters, sentAt: T0, expiresAt: T0 + 300_000 });
    expect((await f.outbox()).at(-1)).toMatchObject({
      channel: 'sms',
      to: PHONE,
      text: `Verification Code: ${code.letters}-${code.digits}`,
    });
    await refused(f, 'verification-code-invalid', () =>
      app.call('verifyRecoveryPhone', { body: { digits: code.digits === '000000' ? '000001' : '000000' } }),
    );
    expect(await app.call('verifyRecoveryPhone', { body: { digits: code.digits } })).toEqual({
      recoveryPhoneLastDigits: '89',
    });
    const [listed] = (await f.desk.call('getTwoFactor')).authenticators;
    expect(listed?.recoveryPhoneLastDigits).toBe('89');
    await refused(f, 'verification-code-invalid', () =>
      app.call('verifyRecoveryPhone', { body: { digits: code.digits } }),
    );
  });

  it('a code at 5:00 is expired', async () => {
    const { code } = await registerPhone();
    f.advance(300_000);
    await refused(f, 'verification-code-expired', () =>
      app.call('verifyRecoveryPhone', { body: { digits: code.digits } }),
    );
  });
});

describe('Unable to login', () => {
  it('end to end: wrong phone refused, resend voids the old code, then the device is discarded and re-paired', async () => {
    const { code } = await registerPhone();
    await app.call('verifyRecoveryPhone', { body: { digits: code.digits } });
    const sentBefore = (await f.outbox()).length;

    const chosen = await choose();
    expect(chosen).toMatchObject({
      state: 'recovery-phone',
      recovery: { authenticatorId: app.authenticatorId, name: 'Redmi Note 8', phoneLastDigits: '89' },
    });
    await refused(f, 'recovery-phone-mismatch', () => phone('+85291234500'));
    expect(await f.outbox()).toHaveLength(sentBefore);
    await refused(f, 'login-state', () => enter('123456'));

    const first = await phone();
    const firstCode = await f.lastCode();
    expect(first).toMatchObject({
      state: 'recovery-code',
      code: { channel: 'sms', letters: firstCode.letters, remainingMs: 300_000 },
    });
    expect((await f.outbox()).at(-1)).toMatchObject({ to: PHONE });
    f.advance(28_000);
    expect((await f.desk.call('getLogin', { params: { loginId } })).code?.remainingMs).toBe(272_000);

    await phone(); // Resend SMS verification code
    const secondCode = await f.lastCode();
    if (secondCode.digits !== firstCode.digits) {
      await refused(f, 'verification-code-invalid', () => enter(firstCode.digits));
    }
    f.advance(299_999);
    const done = await enter(secondCode.digits);
    expect(done.state).toBe('logged-in');
    expect(done.registration?.payload).toMatch(/^mbs2fa:\/\/register\?/);

    // The chosen device is discarded: no key, no one-time passwords, no push option.
    await refused(f, 'authenticator-unauthorized', () => app.call('getAuthenticatorSelf'));
    expect((await f.desk.call('getTwoFactor')).authenticators).toEqual([]);
    // …and the app pairs again with the QR code the answer carried.
    const again = await scanRegistration(
      f.t.server.url,
      done.registration?.payload as string,
      'Redmi Note 8',
      () => f.now,
    );
    const next = await f.desk.call('startLogin', { body: {} });
    expect(next.methods?.push).toEqual([{ authenticatorId: again.authenticatorId, name: 'Redmi Note 8' }]);
    await refused(f, 'otp-invalid', () =>
      f.desk.call('loginOtp', { params: { loginId: next.loginId }, body: { code: app.code(30_000) } }),
    );
  });

  it('an SMS code at 5:00 is expired; Resend sends a new one', async () => {
    const { code } = await registerPhone();
    await app.call('verifyRecoveryPhone', { body: { digits: code.digits } });
    await choose();
    await phone();
    const sent = await f.lastCode();
    f.advance(300_000);
    await refused(f, 'verification-code-expired', () => enter(sent.digits));
    await phone();
    expect((await enter((await f.lastCode()).digits)).state).toBe('logged-in');
  });

  it('a device without a verified recovery phone cannot be recovered by SMS', async () => {
    await refused(f, 'recovery-phone-missing', () => choose());
    await registerPhone(); // sent, never verified
    await refused(f, 'recovery-phone-missing', () => choose());
    await refused(f, 'authenticator-not-found', () => choose('no-such-authenticator'));
    expect((await f.desk.call('getLogin', { params: { loginId } })).state).toBe('choose-method');
  });

  it('wrong SMS codes are throttled after 5, and Previous (choosing a method) leaves recovery', async () => {
    const { code } = await registerPhone();
    await app.call('verifyRecoveryPhone', { body: { digits: code.digits } });
    await choose();
    await phone();
    const sent = await f.lastCode();
    const wrong = (i: number) => String((Number(sent.digits) + 1 + i) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await refused(f, 'verification-code-invalid', () => enter(wrong(i)));
    await refused(f, 'otp-throttled', () => enter(sent.digits));
    const back = await f.desk.call('loginPush', {
      params: { loginId },
      body: { authenticatorId: app.authenticatorId },
    });
    expect(back.state).toBe('push-wait');
    expect(back.recovery).toBeUndefined();
    await refused(f, 'login-state', () => enter(sent.digits));
  });
});
