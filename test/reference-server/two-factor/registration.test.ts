/**
 * Registering authenticators (seed 000 §6.3.1): by QR code (push and TOTP), by username and secret key from the
 * app, or by any authenticator app confirmed on the desktop side (TOTP only); several per server, each removable;
 * "Reset two-factor authentication settings" needs a valid one-time code (seed 002).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeRegistrationPayload } from '../../../conformance/spec/protocol/two-factor-payload.js';
import { DEFAULT_PAIRING_TTL_MS } from '../../../reference-server/options.js';
import { totpAt } from '../../../reference-server/two-factor/totp.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { refused, scanRegistration, startFixture, T0, type Fixture } from './fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(async () => f?.close());

const newRegistration = () => f.desk.call('createRegistration', { body: {} });
const bySecret = (body: { username: string; secret: string; code: string }, installId = 'install-by-secret') =>
  new MbsClient({ baseUrl: f.t.server.url }).call('registerBySecret', {
    body: { ...body, name: 'Pixel 7', platform: 'android', installId },
  });
const newLogin = async () => (await f.desk.call('startLogin', { body: {} })).loginId;
const otp = (loginId: string, code: string) => f.desk.call('loginOtp', { params: { loginId }, body: { code } });
const login = async (code: string) => otp(await newLogin(), code);

describe('a registration', () => {
  it('carries a 16-character secret, its otpauth URI, and a QR payload with where to register', async () => {
    const r = await newRegistration();
    expect(r.secret).toMatch(/^[A-Z2-7]{16}$/);
    expect(r.expiresAt).toBe(T0 + DEFAULT_PAIRING_TTL_MS);
    const label = encodeURIComponent(r.username);
    expect(r.otpauthUri).toBe(
      `otpauth://totp/MBS%20Pro:${label}?secret=${r.secret}&issuer=MBS%20Pro&algorithm=SHA1&digits=6&period=30`,
    );
    const payload = decodeRegistrationPayload(r.payload);
    const info = await f.desk.call('getInfo');
    expect(payload).toMatchObject({
      v: 1,
      server: info.serverId,
      edition: 'pro',
      tcp: info.tcpPort,
      otpauth: r.otpauthUri,
    });
    expect((await newRegistration()).secret).not.toBe(r.secret);
  });

  it('by QR code: push and TOTP, listed on the desktop, its code accepted at login', async () => {
    const r = await newRegistration();
    const app = await scanRegistration(f.t.server.url, r.payload, 'Redmi Note 8', () => f.now);
    const self = await app.call('getAuthenticatorSelf');
    expect(self).toMatchObject({
      kind: 'app',
      push: true,
      name: 'Redmi Note 8',
      platform: 'android',
      registeredAt: T0,
    });
    const settings = await f.desk.call('getTwoFactor');
    expect(settings).toMatchObject({ enabled: true, authenticators: [self], passwordLock: { set: false } });
    expect(app.secret).toBe(r.secret);
    expect((await login(app.code())).state).toBe('logged-in');
  });

  it('is single-use and expires after 10 minutes; an unknown token is registration-invalid', async () => {
    const r = await newRegistration();
    await scanRegistration(f.t.server.url, r.payload, 'Phone A', () => f.now);
    await refused(f, 'registration-used', () => scanRegistration(f.t.server.url, r.payload, 'Phone B', () => f.now));
    const late = await newRegistration();
    f.advance(DEFAULT_PAIRING_TTL_MS);
    await refused(f, 'registration-expired', () =>
      scanRegistration(f.t.server.url, late.payload, 'Phone C', () => f.now),
    );
    const forged = late.payload.replace(/token=[^&]+/, `token=${'t'.repeat(43)}`);
    await refused(f, 'registration-invalid', () => scanRegistration(f.t.server.url, forged, 'Phone D', () => f.now));
  });

  it('an app installation registers once', async () => {
    const app = await f.registerApp();
    const { registrationToken } = {
      registrationToken: new URL((await newRegistration()).payload).searchParams.get('token') as string,
    };
    await refused(f, 'authenticator-already-registered', () =>
      new MbsClient({ baseUrl: f.t.server.url }).call('registerAuthenticator', {
        body: { registrationToken, name: 'Again', platform: 'ios', installId: app.installId },
      }),
    );
  });
});

describe('by secret key (TOTP only)', () => {
  it('from the app: username, secret and a one-time password; that code cannot be used again', async () => {
    const r = await newRegistration();
    const code = totpAt(r.secret, f.now);
    await refused(f, 'registration-invalid', () => bySecret({ username: 'someone else', secret: r.secret, code }));
    await refused(f, 'otp-invalid', () =>
      bySecret({ username: r.username, secret: r.secret, code: totpAt(r.secret, f.now + 90_000) }),
    );
    const done = await bySecret({ username: r.username, secret: r.secret, code });
    expect(done.account).toMatchObject({
      id: done.authenticatorId,
      secret: r.secret,
      push: false,
      issuer: 'MBS Pro',
      label: r.username,
    });
    const self = await new MbsClient({ baseUrl: f.t.server.url, authenticatorKey: done.authenticatorKey }).call(
      'getAuthenticatorSelf',
    );
    expect(self).toMatchObject({ kind: 'app', push: false });
    const loginId = await newLogin();
    await refused(f, 'otp-replayed', () => otp(loginId, code));
    await refused(f, 'registration-used', () =>
      bySecret({ username: r.username, secret: r.secret, code }, 'another-install'),
    );
  });

  it('any authenticator app: the desktop types its one-time password', async () => {
    const r = await newRegistration();
    const confirm = (code: string, registrationId = r.registrationId) =>
      f.desk.call('confirmRegistration', { params: { registrationId }, body: { code, name: 'Google Authenticator' } });
    await refused(f, 'otp-invalid', () => confirm(totpAt(r.secret, f.now - 60_000)));
    await refused(f, 'registration-invalid', () => confirm(totpAt(r.secret, f.now), 'no-such-registration'));
    const added = await confirm(totpAt(r.secret, f.now));
    expect(added).toMatchObject({ kind: 'totp', push: false, name: 'Google Authenticator' });
    f.advance(30_000);
    expect((await login(totpAt(r.secret, f.now))).state).toBe('logged-in');
  });
});

describe('several authenticators, removal and reset', () => {
  it('each can be removed: its key and its codes stop working', async () => {
    const a = await f.registerApp('Phone A');
    const b = await f.registerApp('Phone B');
    expect((await f.desk.call('getTwoFactor')).authenticators.map((x) => x.name)).toEqual(['Phone A', 'Phone B']);
    expect(
      await f.desk.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } }),
    ).toBeUndefined();
    await refused(f, 'authenticator-unauthorized', () => a.call('getAuthenticatorSelf'));
    const loginId = await newLogin();
    await refused(f, 'otp-invalid', () => otp(loginId, a.code()));
    await refused(f, 'authenticator-not-found', () =>
      f.desk.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } }),
    );
    expect((await login(b.code())).state).toBe('logged-in');
  });

  it('reset needs a valid one-time code; with one, every authenticator goes and 2FA is off', async () => {
    const a = await f.registerApp('Phone A');
    await f.registerApp('Phone B');
    const wrong = a.code(-90_000);
    await refused(f, 'otp-invalid', () => f.desk.call('resetTwoFactor', { body: { code: wrong } }));
    expect((await f.desk.call('getTwoFactor')).authenticators).toHaveLength(2);
    const settings = await f.desk.call('resetTwoFactor', { body: { code: a.code() } });
    expect(settings).toMatchObject({ enabled: false, authenticators: [] });
    await refused(f, 'authenticator-unauthorized', () => a.call('listNotifications', { query: {} }));
    expect((await f.desk.call('startLogin', { body: {} })).state).toBe('logged-in');
    await refused(f, 'otp-invalid', () => f.desk.call('resetTwoFactor', { body: { code: a.code(30_000) } }));
  });
});
