/**
 * The conformance clock (protocol v1): on, the console moves the server's clock and every lifetime follows it; a bad
 * body is refused and moves nothing. Off (the default), both routes are refused to the console and move nothing.
 * The server's wall clock is a fixed time here, so every reading is exact.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../conformance/spec/errors.js';
import { MAX_CLOCK_OFFSET_MS } from '../../conformance/spec/protocol/conformance-clock.js';
import { errorOf, rawRequest } from '../helpers/raw-http.js';
import { deviceIdentity } from '../helpers/test-server.js';
import { refused, startFixture, T0, type Fixture } from './two-factor/fixture.js';

const CLOCK = '/v1/console/conformance/clock';
const TEN_MINUTES = 10 * 60_000;

let f: Fixture;
afterEach(async () => f?.close());

const setOffset = (offsetMs: number) => f.desk.call('setConformanceClock', { body: { offsetMs } });
const reading = () => f.desk.call('getConformanceClock');
const pairWith = (token: string) =>
  f.desk.call('pair', { body: { token, edition: 'pro', device: deviceIdentity('Clocked') } });
/** `key` null sends no console key at all. */
const putRaw = (body: string, key: string | null = f.t.server.consoleKey) =>
  rawRequest(f.t.server.url, {
    method: 'PUT',
    path: CLOCK,
    headers: { 'content-type': 'application/json', ...(key ? { 'x-mbs-console-key': key } : {}) },
    body,
  });

describe('on (started for conformance testing)', () => {
  it('advertises the capability and reads the wall clock with no offset', async () => {
    f = await startFixture('pro', { conformanceClock: true });
    expect((await f.desk.call('getInfo')).capabilities).toEqual(['conformance-clock']);
    expect(await reading()).toEqual({ now: T0, offsetMs: 0 });
  });

  it('moves every lifetime: a pairing token and a push request expire, and putting the clock back revives the token', async () => {
    f = await startFixture('pro', { conformanceClock: true });
    const pairing = await f.desk.call('createPairing', { body: { mode: 'add' } });
    expect(pairing.expiresAt).toBe(T0 + TEN_MINUTES);
    expect(await setOffset(TEN_MINUTES)).toEqual({ now: T0 + TEN_MINUTES, offsetMs: TEN_MINUTES });
    await expect(pairWith(pairing.token)).rejects.toMatchObject({ code: 'pairing-token-expired' });

    expect(await setOffset(0)).toEqual({ now: T0, offsetMs: 0 });
    await expect(pairWith(pairing.token)).resolves.toMatchObject({ deviceId: expect.any(String) });

    const app = await f.registerApp();
    const { loginId } = await f.desk.call('startLogin', { body: {} });
    const sent = await f.desk.call('loginPush', {
      params: { loginId },
      body: { authenticatorId: app.authenticatorId },
    });
    await setOffset(5 * 60_000);
    const requestId = sent.push?.requestId ?? '';
    await expect(
      app.call('answerPush', { params: { requestId }, body: { decision: 'approve' } }),
    ).rejects.toMatchObject({ code: 'push-expired' });
  });

  it('names backup folders and one-time password steps by the moved clock', async () => {
    f = await startFixture('pro', { conformanceClock: true });
    const device = await f.t.pairDevice();
    const day = 24 * 60 * 60_000;
    await setOffset(day);
    const backup = await device.call('startBackup', { body: {} });
    expect(backup.startedAt).toBe(T0 + day);

    const app = await f.registerApp();
    const { loginId } = await f.desk.call('startLogin', { body: {} });
    // The app's code of the wall clock's step is two days of steps behind the server's: refused.
    await refused(f, 'otp-invalid', () =>
      f.desk.call('loginOtp', {
        params: { loginId },
        body: { authenticatorId: app.authenticatorId, code: app.code() },
      }),
    );
    const moved = await f.desk.call('loginOtp', {
      params: { loginId },
      body: { authenticatorId: app.authenticatorId, code: app.code(day) },
    });
    expect(moved.state).toBe('logged-in');
  });

  it.each([
    ['a negative offset', '{"offsetMs":-1}'],
    ['a fraction', '{"offsetMs":1.5}'],
    ['more than 400 days', JSON.stringify({ offsetMs: MAX_CLOCK_OFFSET_MS + 1 })],
    ['a string', '{"offsetMs":"60000"}'],
    ['no offset', '{}'],
    ['an unknown key', '{"offsetMs":60000,"by":60000}'],
    ['not JSON', '{"offsetMs":'],
  ])('refuses %s and changes nothing', async (_what, body) => {
    f = await startFixture('pro', { conformanceClock: true });
    await setOffset(5_000);
    const answer = await putRaw(body);
    expect(answer.status).toBe(400);
    expect(['invalid-request', 'invalid-json']).toContain(errorOf(answer).code);
    expect(await reading()).toEqual({ now: T0 + 5_000, offsetMs: 5_000 });
  });

  it('asks for the console key before anything else', async () => {
    f = await startFixture('pro', { conformanceClock: true });
    expect(errorOf(await putRaw('{"offsetMs":60000}', 'wrong')).code).toBe('console-unauthorized');
    expect(errorOf(await putRaw('{"offsetMs":60000}', null)).code).toBe('console-unauthorized');
    expect(await reading()).toEqual({ now: T0, offsetMs: 0 });
  });
});

describe('off (the default)', () => {
  it('advertises no capability and refuses both routes to the console, moving nothing', async () => {
    f = await startFixture('pro');
    expect((await f.desk.call('getInfo')).capabilities).toEqual([]);
    const before = await f.desk.call('createPairing', { body: { mode: 'add' } });
    await refused(f, 'conformance-clock-off', () => reading());
    const error = await refused(f, 'conformance-clock-off', () => setOffset(TEN_MINUTES));
    expect(error).toBeInstanceOf(MbsError);
    // Even a body the route would refuse is met with the refusal: the route is not there to validate it.
    expect(errorOf(await putRaw('{"offsetMs":-1}')).code).toBe('conformance-clock-off');
    const after = await f.desk.call('createPairing', { body: { mode: 'add' } });
    expect(after.expiresAt).toBe(before.expiresAt);
    await expect(pairWith(before.token)).resolves.toMatchObject({ deviceId: expect.any(String) });
  });

  it('still asks for the console key first', async () => {
    f = await startFixture('pro');
    expect(errorOf(await putRaw('{"offsetMs":60000}', 'wrong')).code).toBe('console-unauthorized');
  });
});
