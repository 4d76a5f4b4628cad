/**
 * The desktop login as a state machine: password lock first, then the 2FA method, push or a one-time password;
 * "Trust this browser" (seed 002); actions a state does not allow are `login-state` and change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRUSTED_BROWSER_TTL_MS } from '../../../reference-server/two-factor/context.js';
import { totpAt } from '../../../reference-server/two-factor/totp.js';
import { refused, startFixture, type Fixture } from './fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(async () => f?.close());

const PASSWORD = 'correct horse battery';
const lock = () => f.desk.call('setPasswordLock', { body: { password: PASSWORD, email: 'owner@example.com' } });
const start = (browserToken?: string) => f.desk.call('startLogin', { body: browserToken ? { browserToken } : {} });
const password = (loginId: string, value = PASSWORD) =>
  f.desk.call('loginPassword', { params: { loginId }, body: { password: value } });

describe('without 2FA', () => {
  it('no password lock and no authenticator: the program opens at once', async () => {
    expect(await start()).toMatchObject({ state: 'logged-in', trustedBrowser: false });
    expect((await f.desk.call('getTwoFactor')).enabled).toBe(false);
  });

  it('a password lock alone: a wrong password keeps it shut, the right one opens it', async () => {
    expect(await lock()).toEqual({ set: true, email: 'owner@example.com' });
    const { loginId, state, methods } = await start();
    expect(state).toBe('password');
    expect(methods).toBeUndefined();
    await refused(f, 'password-invalid', () => password(loginId, 'wrong password'));
    expect((await f.desk.call('getLogin', { params: { loginId } })).state).toBe('password');
    expect((await password(loginId)).state).toBe('logged-in');
  });

  it('clearing the lock with null', async () => {
    await lock();
    expect(await f.desk.call('setPasswordLock', { body: { password: null } })).toEqual({ set: false });
    expect((await start()).state).toBe('logged-in');
  });

  it('wrong passwords are throttled after 5', async () => {
    await lock();
    const { loginId } = await start();
    for (let i = 0; i < 5; i++) await refused(f, 'password-invalid', () => password(loginId, `wrong ${i}`));
    const throttled = await refused(f, 'otp-throttled', () => password(loginId));
    expect(throttled.details).toMatchObject({ retryAfterMs: 30_000 });
    f.advance(30_000);
    expect((await password(loginId)).state).toBe('logged-in');
  });
});

describe('with password lock and 2FA', () => {
  it('asks for the password, then the method; push approval logs in', async () => {
    await lock();
    const app = await f.registerApp();
    const first = await start();
    expect(first.state).toBe('password');
    const early = await refused(f, 'login-state', () =>
      f.desk.call('loginPush', { params: { loginId: first.loginId }, body: { authenticatorId: app.authenticatorId } }),
    );
    expect(early.details).toMatchObject({ state: 'password' });
    await refused(f, 'login-state', () =>
      f.desk.call('loginOtp', { params: { loginId: first.loginId }, body: { code: app.code() } }),
    );
    const chosen = await password(first.loginId);
    const ref = { authenticatorId: app.authenticatorId, name: 'Redmi Note 8' };
    expect(chosen).toMatchObject({ state: 'choose-method', methods: { push: [ref], otp: [ref] } });
    const waiting = await f.desk.call('loginPush', {
      params: { loginId: first.loginId },
      body: { authenticatorId: app.authenticatorId },
    });
    await app.call('answerPush', {
      params: { requestId: waiting.push?.requestId as string },
      body: { decision: 'approve' },
    });
    const done = await f.desk.call('getLogin', { params: { loginId: first.loginId } });
    expect(done).toMatchObject({ state: 'logged-in' });
    expect(done.methods).toBeUndefined();
    const after = await refused(f, 'login-state', () => password(first.loginId));
    expect(after.details).toMatchObject({ state: 'logged-in' });
  });

  it('only one-time password authenticators: after the password the login asks for the code, no push', async () => {
    await lock();
    const registration = await f.desk.call('createRegistration', { body: {} });
    await f.desk.call('confirmRegistration', {
      params: { registrationId: registration.registrationId },
      body: { code: totpAt(registration.secret, f.now), name: 'Authy' },
    });
    const { loginId } = await start();
    const asked = await password(loginId);
    expect(asked.state).toBe('otp');
    expect(asked.methods?.push).toEqual([]);
    f.advance(30_000);
    const done = await f.desk.call('loginOtp', {
      params: { loginId },
      body: { code: totpAt(registration.secret, f.now) },
    });
    expect(done.state).toBe('logged-in');
  });

  it('an unknown login is login-not-found', async () => {
    await refused(f, 'login-not-found', () => f.desk.call('getLogin', { params: { loginId: 'no-such-login' } }));
    await refused(f, 'login-not-found', () => password('no-such-login'));
  });
});

describe('Trust this browser (seed 002)', () => {
  it('a later login with the token skips the one-time code, not the password; without it, the code is asked', async () => {
    await lock();
    const app = await f.registerApp();
    const { loginId } = await start();
    await password(loginId);
    const done = await f.desk.call('loginOtp', { params: { loginId }, body: { code: app.code(), trustBrowser: true } });
    expect(done.state).toBe('logged-in');
    const token = done.trustedBrowserToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect((await f.desk.call('getLogin', { params: { loginId } })).trustedBrowserToken).toBeUndefined();

    const trusted = await start(token);
    expect(trusted).toMatchObject({ state: 'password', trustedBrowser: true });
    expect((await password(trusted.loginId)).state).toBe('logged-in');
    const untrusted = await start();
    expect((await password(untrusted.loginId)).state).toBe('choose-method');
    const forged = await start('f'.repeat(43));
    expect(forged.trustedBrowser).toBe(false);
  });

  it('without trustBrowser there is no token; a token lasts 30 days; a reset forgets every token', async () => {
    const app = await f.registerApp();
    const plain = await f.desk.call('loginOtp', {
      params: { loginId: (await start()).loginId },
      body: { code: app.code() },
    });
    expect(plain.trustedBrowserToken).toBeUndefined();
    f.advance(30_000);
    const token = (
      await f.desk.call('loginOtp', {
        params: { loginId: (await start()).loginId },
        body: { code: app.code(), trustBrowser: true },
      })
    ).trustedBrowserToken as string;
    f.advance(TRUSTED_BROWSER_TTL_MS - 1);
    expect((await start(token)).state).toBe('logged-in');
    f.advance(1);
    expect((await start(token)).state).toBe('choose-method');
    f.advance(-1);
    await f.desk.call('resetTwoFactor', { body: { code: app.code() } });
    await f.registerApp('iPhone 6s');
    expect((await start(token)).state).toBe('choose-method');
  });
});
