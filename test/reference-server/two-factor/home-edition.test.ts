/**
 * 2FA exists on Pro and Lite only (seed 000 §1.1, §2.6.1): a Home server answers every route of the twoFactor
 * group `2fa-not-supported`, with or without credentials, before looking at anything else, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../../conformance/spec/errors.js';
import { ROUTE_NAMES, ROUTES, type TwoFactorRouteName } from '../../../conformance/spec/protocol/routes.js';
import { errorOf, rawRequest, type RawCall } from '../../helpers/raw-http.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { TWO_FACTOR_CALLS } from './valid-calls.js';

let home: TestServer;
let lite: TestServer;
beforeAll(async () => {
  [home, lite] = await Promise.all([startTestServer('home'), startTestServer('lite')]);
});
afterAll(async () => Promise.all([home?.close(), lite?.close()]));

const twoFactorRoutes = ROUTE_NAMES.filter((n) => ROUTES[n].group === 'twoFactor') as TwoFactorRouteName[];
const credentials: [string, (call: RawCall) => RawCall][] = [
  [
    'the console key',
    (call) => ({ ...call, headers: { ...call.headers, 'x-mbs-console-key': home.server.consoleKey } }),
  ],
  ['a bearer key', (call) => ({ ...call, headers: { ...call.headers, authorization: `Bearer ${'k'.repeat(43)}` } })],
  ['no credentials', (call) => call],
];

describe('a Home server', () => {
  it('says it has no 2FA', async () => {
    expect(await home.console.call('getInfo')).toMatchObject({ edition: 'home', twoFactor: false });
  });

  it.each(twoFactorRoutes.flatMap((route) => credentials.map(([who, add]) => [route, who, add] as const)))(
    '%s with %s → 2fa-not-supported, and nothing changes',
    async (route, _, add) => {
      const before = snapshotState(home.dataDir);
      const answer = await rawRequest(home.server.url, add(TWO_FACTOR_CALLS[route]()));
      expect(errorOf(answer).code).toBe('2fa-not-supported');
      expect(answer.status).toBe(ERRORS['2fa-not-supported'].status);
      expect(snapshotState(home.dataDir)).toEqual(before);
    },
  );

  it('still has an (empty) outbox: it is the server’s, not 2FA’s', async () => {
    expect(await home.console.call('listOutbox', { query: {} })).toEqual({ messages: [], last: 0 });
  });
});

describe('a Lite server', () => {
  it('offers 2FA', async () => {
    expect(await lite.console.call('getInfo')).toMatchObject({ edition: 'lite', twoFactor: true });
    expect(await lite.console.call('getTwoFactor')).toMatchObject({ enabled: false, authenticators: [] });
  });
});
