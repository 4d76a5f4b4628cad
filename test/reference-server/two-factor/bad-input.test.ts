/**
 * Bad input at the 2FA routes, over raw HTTP: keys that are not an authenticator's, malformed and overlong codes,
 * phone numbers and addresses, unknown keys, path traversal. Each gets its stable code and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../../conformance/spec/errors.js';
import { ROUTE_NAMES, ROUTES, type TwoFactorRouteName } from '../../../conformance/spec/protocol/routes.js';
import { errorOf, jsonBody, rawRequest, type RawCall } from '../../helpers/raw-http.js';
import { startFixture, stateOf, type App, type Fixture } from './fixture.js';
import { TWO_FACTOR_CALLS } from './valid-calls.js';

let f: Fixture;
let app: App;
let removedKey: string;
let deviceKey: string;
let loginId: string;
beforeAll(async () => {
  f = await startFixture();
  app = await f.registerApp();
  const removed = await f.registerApp('Removed');
  removedKey = removed.authenticatorKey as string;
  await f.desk.call('removeAuthenticator', { params: { authenticatorId: removed.authenticatorId } });
  deviceKey = (await f.t.pairDevice('Backup phone')).deviceKey as string;
  loginId = (await f.desk.call('startLogin', { body: {} })).loginId;
});
afterAll(async () => f?.close());

async function expectRefused(code: ErrorCode, call: RawCall): Promise<void> {
  const before = stateOf(f.t.dataDir);
  const answer = await rawRequest(f.t.server.url, call);
  expect.soft(stateOf(f.t.dataDir), 'a refused request changed the state').toEqual(before);
  expect({ status: answer.status, code: errorOf(answer).code }).toEqual({ status: ERRORS[code].status, code });
}
const desk = (method: string, path: string, body?: unknown): RawCall => ({
  method,
  path,
  ...(body === undefined ? {} : jsonBody(body)),
  headers: { ...(body === undefined ? {} : jsonBody(body).headers), 'x-mbs-console-key': f.t.server.consoleKey },
});
const asApp = (method: string, path: string, body: unknown): RawCall => ({
  method,
  path,
  ...jsonBody(body),
  headers: { ...jsonBody(body).headers, authorization: `Bearer ${app.authenticatorKey}` },
});

describe('authenticator routes refuse any other key', () => {
  const routes = ROUTE_NAMES.filter((n) => ROUTES[n].auth === 'authenticator') as TwoFactorRouteName[];
  const keys: [string, () => string | undefined][] = [
    ['no key', () => undefined],
    ['an unknown key', () => `Bearer ${'k'.repeat(43)}`],
    ['a Basic credential', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ["a backup device's key", () => `Bearer ${deviceKey}`],
    ['a removed authenticator’s key', () => `Bearer ${removedKey}`],
  ];
  it.each(routes.flatMap((route) => keys.map(([label, key]) => [route, label, key] as const)))(
    '%s with %s → authenticator-unauthorized',
    (route, _, key) => {
      const call = TWO_FACTOR_CALLS[route]();
      const value = key();
      return expectRefused('authenticator-unauthorized', {
        ...call,
        headers: { ...call.headers, ...(value === undefined ? {} : { authorization: value }) },
      });
    },
  );
});

describe('malformed values', () => {
  const otp = (code: unknown) => desk('POST', `/v1/console/logins/${loginId}/otp`, { code });
  it.each([
    ['five digits', '12345'],
    ['seven digits', '1234567'],
    ['letters', 'abcdef'],
    ['a number, not a string', 123456],
    ['full-width digits', '１２３４５６'],
    ['a leading space', ' 12345'],
    ['10 000 digits', '1'.repeat(10_000)],
    ['null', null],
  ])('a one-time password of %s → invalid-request', (_, code) => expectRefused('invalid-request', otp(code)));

  const phone = (value: unknown) => asApp('POST', '/v1/2fa/recovery-phone', { phone: value });
  it.each([
    ['no country code', '91234589'],
    ['a leading zero after +', '+0123456789'],
    ['spaces', '+852 9123 4589'],
    ['too long', '+8529123458912345'],
  ])('a recovery phone with %s → invalid-request', (_, value) => expectRefused('invalid-request', phone(value)));

  it.each([
    ['no @', 'owner.example.com'],
    ['a space', 'owner @example.com'],
    ['over 254 characters', `${'a'.repeat(250)}@b.cd`],
  ])('a forgot-password e-mail with %s → invalid-request', (_, email) =>
    expectRefused('invalid-request', desk('POST', `/v1/console/logins/${loginId}/forgot-password`, { email })),
  );

  it.each([
    ['a lower-case secret', { secret: 'jbswy3dpehpk3pxp' }],
    ['a 32-character secret', { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }],
    ['an unknown key', { colour: 'red' }],
  ])('registering by secret with %s → invalid-request', (_, change) => {
    const body = {
      username: 'desk',
      secret: 'JBSWY3DPEHPK3PXP',
      code: '123456',
      name: 'P',
      platform: 'ios',
      installId: 'install-0002',
    };
    return expectRefused('invalid-request', {
      method: 'POST',
      path: '/v1/2fa/authenticators/by-secret',
      ...jsonBody({ ...body, ...change }),
    });
  });

  it.each([
    ['a password shorter than 8 characters', { password: 'short', email: 'a@b.c' }],
    ['a password without an e-mail', { password: 'long enough' }],
    ['null with an e-mail', { password: null, email: 'a@b.c' }],
  ])('a password lock with %s → invalid-request', (_, body) =>
    expectRefused('invalid-request', desk('PUT', '/v1/console/2fa/password-lock', body)),
  );

  it('a push decision other than approve or reject → invalid-request', () =>
    expectRefused('invalid-request', asApp('POST', '/v1/2fa/push/some-request', { decision: 'maybe' })));

  it.each(['../x', 'a/b', 'a\u0000b', ''])('an authenticator named %j → invalid-name', (name) =>
    expectRefused(
      'invalid-name',
      desk('POST', '/v1/console/2fa/registrations/some-id/confirm', { code: '123456', name }),
    ),
  );

  it.each([
    ['getLogin', () => desk('GET', '/v1/console/logins/..%2F..%2F.mbs')],
    ['removeAuthenticator', () => desk('DELETE', '/v1/console/2fa/authenticators/%2E%2E')],
    ['answerPush', () => asApp('POST', '/v1/2fa/push/..%5Cx', { decision: 'approve' })],
  ] as const)('a traversing id in the path of %s → invalid-request', (_, call) =>
    expectRefused('invalid-request', call()),
  );

  it('the login and the authenticator are as they were', async () => {
    expect((await f.desk.call('getLogin', { params: { loginId } })).state).toBe('choose-method');
    expect((await app.call('getAuthenticatorSelf')).authenticatorId).toBe(app.authenticatorId);
  });
});
