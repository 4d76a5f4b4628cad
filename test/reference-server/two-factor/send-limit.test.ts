/**
 * The send limit (PROTOCOL.md, Send limit): at most 5 SMS or e-mail codes per purpose within any 10 minutes, Resend
 * included; one more is `429 send-limited` with `details.retryAfterMs`, sends nothing and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refused, startFixture, T0, type App, type Fixture } from './fixture.js';

const PHONE = '+85291234589';
const EMAIL = 'owner@example.com';
const WINDOW = 10 * 60_000;

let f: Fixture;
let app: App;
beforeEach(async () => {
  f = await startFixture();
  app = await f.registerApp();
});
afterEach(async () => f?.close());

const setPhone = () => app.call('setRecoveryPhone', { body: { phone: PHONE } });

describe('the send limit', () => {
  it('sends 5 recovery phone codes a minute apart, refuses the sixth until the first is 10 minutes old', async () => {
    for (let i = 0; i < 5; i++) {
      await setPhone();
      f.advance(60_000);
    }
    const last = await f.lastCode();
    const sent = (await f.outbox()).length;
    const error = await refused(f, 'send-limited', setPhone);
    expect(error.details).toMatchObject({ retryAfterMs: T0 + WINDOW - f.now });
    expect(await f.outbox()).toHaveLength(sent);
    f.advance(T0 + WINDOW - f.now - 1);
    await refused(f, 'send-limited', setPhone);
    f.advance(1);
    await setPhone();
    expect(await f.outbox()).toHaveLength(sent + 1);
    expect(await f.lastCode()).not.toEqual(last);
    // At T0 + 11 min the window holds the sends of minutes 2, 3, 4 and 10: one more goes out, then no more.
    f.advance(60_000);
    await setPhone();
    await refused(f, 'send-limited', setPhone);
  });

  it('keeps the code sent last good when a send is refused', async () => {
    for (let i = 0; i < 5; i++) await setPhone();
    const last = await f.lastCode();
    await refused(f, 'send-limited', setPhone);
    expect(await app.call('verifyRecoveryPhone', { body: { digits: last.digits } })).toEqual({
      recoveryPhoneLastDigits: '89',
    });
  });

  it('counts per purpose: one login hitting the limit leaves another login free to send', async () => {
    await f.desk.call('setPasswordLock', { body: { password: 'lock password 1', email: EMAIL } });
    const forgot = (loginId: string) =>
      f.desk.call('loginForgotPassword', { params: { loginId }, body: { email: EMAIL } });
    const first = (await f.desk.call('startLogin', { body: {} })).loginId;
    for (let i = 0; i < 5; i++) await forgot(first);
    const error = await refused(f, 'send-limited', () => forgot(first));
    expect(error.details).toMatchObject({ retryAfterMs: WINDOW });
    const second = (await f.desk.call('startLogin', { body: {} })).loginId;
    await expect(forgot(second)).resolves.toMatchObject({ state: 'forgot-password' });
    expect((await f.outbox()).filter((m) => m.channel === 'email')).toHaveLength(6);
  });
});
