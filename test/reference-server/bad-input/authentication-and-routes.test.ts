/**
 * Bad input: a request without the right key, or to no route. Every device route refuses a missing, unknown,
 * non-bearer or revoked device key with device-unauthorized; every console route a missing or wrong console key with
 * console-unauthorized. A path no route has is route-not-found; a known path with another method, method-not-allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_NAMES, ROUTES } from '../../../conformance/spec/protocol/routes.js';
import {
  asA,
  asConsole,
  expectRefused,
  fx,
  raw,
  setUpFixture,
  tearDownFixture,
  validCall,
  withHeader,
} from './fixture.js';

const routesWith = (kind: 'device' | 'console') => ROUTE_NAMES.filter((name) => ROUTES[name].auth === kind);

beforeAll(setUpFixture);
afterAll(tearDownFixture);

describe('authentication', () => {
  const deviceKeys: [string, () => string | undefined][] = [
    ['missing', () => undefined],
    ['unknown', () => `Bearer ${'k'.repeat(43)}`],
    ['not a bearer key', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['revoked (device removed)', () => `Bearer ${fx.revokedKey}`],
  ];
  it.each(routesWith('device').flatMap((route) => deviceKeys.map(([key, value]) => [route, key, value] as const)))(
    '%s with a %s device key → device-unauthorized',
    (route, _, value) =>
      expectRefused('device-unauthorized', raw(withHeader(validCall[route](), 'authorization', value()))),
  );

  it.each(
    routesWith('console').flatMap((route) => [
      [route, 'missing', undefined] as const,
      [route, 'wrong', 'x'.repeat(43)] as const,
    ]),
  )('%s with a %s console key → console-unauthorized', (route, _, value) =>
    expectRefused('console-unauthorized', raw(withHeader(validCall[route](), 'x-mbs-console-key', value))),
  );

  it('the keys those requests lacked still work (control)', async () => {
    expect((await fx.a.call('getSelf')).deviceId).toBe(fx.a.deviceId);
    const listed = (await fx.t.console.call('listDevices')).devices.map((d) => d.deviceId);
    expect(listed).toEqual(expect.arrayContaining([fx.a.deviceId, fx.b.deviceId]));
  });
});

describe('routes', () => {
  it.each([
    ['GET', '/nope'],
    ['GET', '/v1/nope'],
    ['GET', '/v2/info'],
    ['GET', '/v1/info/extra'],
    ['POST', '/v1/console/pairings/x/y'],
    ['GET', '/v1/items/x/y/z'],
  ])('%s %s → route-not-found', (method, p) => expectRefused('route-not-found', raw({ method, path: p })));
  it.each([
    ['DELETE', '/v1/info'],
    ['POST', '/v1/info'],
    ['PUT', '/v1/backups'],
    ['GET', '/v1/pair'],
    ['POST', '/v1/device'],
    ['PATCH', '/v1/items'],
    ['PUT', `/v1/uploads/${'u'.repeat(16)}`],
    ['GET', '/v1/console/pairings'],
  ])('%s %s (a known path, another method) → method-not-allowed', (method, p) =>
    expectRefused('method-not-allowed', raw(asA(asConsole({ method, path: p })))),
  );
});
