/**
 * One-time passwords at the desktop login, over HTTP with the server's clock set by the test: one step of drift
 * either side, the 30 s step edges, each code accepted once, and throttling of wrong codes, reset by a right one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_DELAY_MS, MAX_DELAY_MS } from '../../../reference-server/two-factor/throttle.js';
import { totpAt } from '../../../reference-server/two-factor/totp.js';
import { refused, startFixture, T0, type App, type Fixture } from './fixture.js';

let f: Fixture;
let app: App;
beforeEach(async () => {
  f = await startFixture();
  app = await f.registerApp();
});
afterEach(async () => f?.close());

const newLogin = async () => (await f.desk.call('startLogin', { body: {} })).loginId;
const otp = (loginId: string, code: string) => f.desk.call('loginOtp', { params: { loginId }, body: { code } });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('drift and step edges', () => {
  it.each([-1, 0, 1])('a code from %i step(s) away is accepted', async (steps) => {
    const login = await newLogin();
    const answer = await otp(login, totpAt(app.secret, f.now + steps * 30_000));
    expect(answer.state).toBe('logged-in');
  });

  it.each([-2, 2, -10])('a code from %i steps away is refused, and the login stays at its prompt', async (steps) => {
    const login = await newLogin();
    await refused(f, 'otp-invalid', () => otp(login, totpAt(app.secret, f.now + steps * 30_000)));
    expect((await f.desk.call('getLogin', { params: { loginId: login } })).state).toBe('choose-method');
  });

  it('a code shown at 29.999 s into its step is the step’s code; at 30.000 s the next one is', async () => {
    f.now = T0 + 29_999;
    const late = app.code();
    expect(late).toBe(totpAt(app.secret, T0));
    f.now = T0 + 30_000;
    expect(app.code()).not.toBe(late);
  });

  it('a code is accepted until 29.999 s into the step after its own, and refused from 30.000 s', async () => {
    const other = await f.registerApp('iPhone 6s');
    const [first, second] = [await newLogin(), await newLogin()];
    f.now = T0 + 59_999;
    expect((await otp(first, totpAt(app.secret, T0))).state).toBe('logged-in');
    f.now = T0 + 60_000;
    await refused(f, 'otp-invalid', () => otp(second, totpAt(other.secret, T0)));
  });

  it('the login shows the seconds left in the current step (the countdown)', async () => {
    f.now = T0 + 9_000;
    const login = await f.desk.call('startLogin', { body: {} });
    expect(login.otpStepRemainingMs).toBe(21_000);
    expect(login.methods?.otp).toEqual([{ authenticatorId: app.authenticatorId, name: 'Redmi Note 8' }]);
  });
});

describe('replay', () => {
  it('a code is accepted once: the same code at a second login is otp-replayed', async () => {
    const code = app.code();
    expect((await otp(await newLogin(), code)).state).toBe('logged-in');
    const login = await newLogin();
    await refused(f, 'otp-replayed', () => otp(login, code));
  });

  it('after a code of a later step, a code of an earlier step is replayed too', async () => {
    expect((await otp(await newLogin(), app.code(30_000))).state).toBe('logged-in');
    const login = await newLogin();
    await refused(f, 'otp-replayed', () => otp(login, app.code()));
    await refused(f, 'otp-replayed', () => otp(login, app.code(-30_000)));
  });

  it('each authenticator has its own record: two apps may use codes of the same step', async () => {
    const other = await f.registerApp('iPhone 6s');
    expect((await otp(await newLogin(), app.code())).state).toBe('logged-in');
    expect((await otp(await newLogin(), other.code())).state).toBe('logged-in');
  });
});

describe('throttling', () => {
  it('after 5 wrong codes, waits 30 s, doubling to 15 minutes; a right code resets it', async () => {
    const login = await newLogin();
    const bad = wrong(app.code());
    for (let i = 0; i < 5; i++) await refused(f, 'otp-invalid', () => otp(login, bad));
    let delay = FIRST_DELAY_MS;
    for (let round = 0; round < 7; round++) {
      const throttled = await refused(f, 'otp-throttled', () => otp(login, app.code()));
      expect(throttled.details).toMatchObject({ retryAfterMs: delay });
      f.advance(delay - 1);
      const still = await refused(f, 'otp-throttled', () => otp(login, app.code()));
      expect(still.details).toMatchObject({ retryAfterMs: 1 });
      f.advance(1);
      await refused(f, 'otp-invalid', () => otp(login, wrong(app.code())));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
    expect(delay).toBe(MAX_DELAY_MS);
    f.advance(MAX_DELAY_MS);
    expect((await otp(login, app.code())).state).toBe('logged-in');
    const next = await newLogin();
    for (let i = 0; i < 5; i++) await refused(f, 'otp-invalid', () => otp(next, wrong(app.code())));
    await refused(f, 'otp-throttled', () => otp(next, app.code()));
  });

  it('a throttled right code is not evaluated: it is still usable once the wait is over', async () => {
    const login = await newLogin();
    for (let i = 0; i < 5; i++) await refused(f, 'otp-invalid', () => otp(login, wrong(app.code())));
    const code = app.code();
    await refused(f, 'otp-throttled', () => otp(login, code));
    f.advance(FIRST_DELAY_MS);
    expect((await otp(login, code)).state).toBe('logged-in');
  });
});
