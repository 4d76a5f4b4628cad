/**
 * Bad input: pairing and the device list. Unknown, malformed, expired and used pairing tokens, a payload for another
 * edition, an installation paired twice, a migration onto a paired device or from an unknown or removed one, and the
 * renaming or removal of an unknown device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAIRING_TTL_MS } from '../../../reference-server/options.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { deviceIdentity } from '../../helpers/test-server.js';
import {
  expectRefused,
  fx,
  json,
  pairAs,
  raw,
  setUpFixture,
  tearDownFixture,
  viaClient,
  type Identity,
} from './fixture.js';

beforeAll(setUpFixture);
afterAll(tearDownFixture);

describe('pairing and the device list', () => {
  const newToken = async (body: { mode: 'add' } | { mode: 'migrate'; originalDeviceId: string } = { mode: 'add' }) =>
    (await fx.t.console.call('createPairing', { body })).token;
  const pairCall = (token: string, device: Identity, edition = 'pro') =>
    json('POST', '/v1/pair', { token, edition, device });

  it('an unknown pairing token → pairing-token-invalid', () =>
    expectRefused('pairing-token-invalid', raw(pairCall('u'.repeat(43), deviceIdentity('Phone X')))));
  it('a pairing token of the wrong shape → invalid-request', () =>
    expectRefused('invalid-request', raw(pairCall('short', deviceIdentity('Phone X')))));

  it('a pairing token past its 10-minute life → pairing-token-expired', async () => {
    const token = await newToken();
    fx.now += DEFAULT_PAIRING_TTL_MS + 1;
    await expectRefused('pairing-token-expired', raw(pairCall(token, deviceIdentity('Phone X'))));
  });

  it('a pairing token used once already → pairing-token-used', async () => {
    const token = await newToken();
    const first = await rawRequest(fx.t.server.url, pairCall(token, deviceIdentity('Phone C')));
    expect(first.status).toBe(201);
    await expectRefused('pairing-token-used', raw(pairCall(token, deviceIdentity('Phone D'))));
  });

  it('a pairing payload for another edition → pairing-edition-mismatch, and the token stays usable', async () => {
    const token = await newToken();
    for (const edition of ['lite', 'home']) {
      await expectRefused('pairing-edition-mismatch', raw(pairCall(token, deviceIdentity('Phone E'), edition)));
    }
    expect((await rawRequest(fx.t.server.url, pairCall(token, deviceIdentity('Phone E')))).status).toBe(201);
  });

  it('adding an installation that is already paired → device-already-paired', async () => {
    const token = await newToken();
    await expectRefused('device-already-paired', raw(pairCall(token, fx.a.identity)));
    await expectRefused('device-already-paired', raw(pairCall(token, { ...fx.a.identity, name: 'Another name' })));
  });

  it('migrating onto a device that is already paired → migration-target-paired; the original stays', async () => {
    const token = await newToken({ mode: 'migrate', originalDeviceId: fx.a.deviceId });
    await expectRefused('migration-target-paired', raw(pairCall(token, fx.b.identity)));
    await expectRefused('migration-target-paired', raw(pairCall(token, fx.a.identity)));
    const listed = (await fx.t.console.call('listDevices')).devices.map((d) => d.deviceId);
    expect(listed).toEqual(expect.arrayContaining([fx.a.deviceId, fx.b.deviceId]));
    expect((await fx.a.call('getSelf')).deviceId).toBe(fx.a.deviceId);
    expect((await fx.b.call('getSelf')).deviceId).toBe(fx.b.deviceId);
  });

  it('migrating from an unknown device → device-not-found', () =>
    expectRefused(
      'device-not-found',
      viaClient(() =>
        fx.t.console.call('createPairing', { body: { mode: 'migrate', originalDeviceId: 'no-such-device' } }),
      ),
    ));

  it('migrating from a device removed after the token was issued → device-not-found', async () => {
    const gone = await pairAs(deviceIdentity('Phone G'));
    const token = await newToken({ mode: 'migrate', originalDeviceId: gone.deviceId });
    await fx.t.console.call('removeDevice', { params: { deviceId: gone.deviceId } });
    await expectRefused('device-not-found', raw(pairCall(token, deviceIdentity('Phone H'))));
  });

  it.each([
    [
      'rename',
      () => fx.t.console.call('renameDevice', { params: { deviceId: 'no-such-device' }, body: { name: 'X' } }),
    ],
    ['remove', () => fx.t.console.call('removeDevice', { params: { deviceId: 'no-such-device' } })],
  ] as const)('%s of an unknown device id → device-not-found', (_, action) =>
    expectRefused('device-not-found', viaClient(action)),
  );
});
