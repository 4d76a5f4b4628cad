/**
 * "Re-pair with authenticator" after a migration (seed 000 §6.3.1 NOTE, §11, §11.2; DESIGN.md): once the
 * replacement registers by QR code, push requests go to it and no longer to the original device, whose one-time
 * passwords stay valid as the seed says (MIG-09 reports that as an advisory finding).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { deviceIdentity } from '../../helpers/test-server.js';
import { refused, scanRegistration, startFixture, type App, type Fixture } from './fixture.js';

let f: Fixture;
let originalDeviceId: string;
let original: App;
beforeEach(async () => {
  f = await startFixture();
  originalDeviceId = (await f.t.pairDevice('iPhone 6')).deviceId;
  original = await f.registerApp('iPhone 6', originalDeviceId);
});
afterEach(async () => f?.close());

async function migrate(installId?: string): Promise<string> {
  const { token } = await f.desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId } });
  const identity = { ...deviceIdentity('Redmi Note 8'), ...(installId ? { installId } : {}) };
  const paired = await new MbsClient({ baseUrl: f.t.server.url }).call('pair', {
    body: { token, edition: 'pro', device: identity },
  });
  return paired.deviceId;
}
const start = async () => (await f.desk.call('startLogin', { body: {} })).loginId;

describe('re-pairing the replacement', () => {
  it('moves push to the replacement, voids requests to the original, and keeps its TOTP valid', async () => {
    const loginId = await start();
    const pending = await f.desk.call('loginPush', {
      params: { loginId },
      body: { authenticatorId: original.authenticatorId },
    });
    const replacementDeviceId = await migrate();
    // Migration alone changes nothing for 2FA: the replacement has not re-paired yet.
    expect((await original.call('getAuthenticatorSelf')).push).toBe(true);
    const replacement = await f.registerApp('Redmi Note 8', replacementDeviceId);

    expect(await original.call('getAuthenticatorSelf')).toMatchObject({ push: false, deviceId: originalDeviceId });
    expect(await replacement.call('getAuthenticatorSelf')).toMatchObject({ push: true, deviceId: replacementDeviceId });
    await refused(f, 'push-voided', () =>
      original.call('answerPush', {
        params: { requestId: pending.push?.requestId as string },
        body: { decision: 'approve' },
      }),
    );
    const next = await start();
    const offered = await f.desk.call('getLogin', { params: { loginId: next } });
    expect(offered.methods?.push).toEqual([{ authenticatorId: replacement.authenticatorId, name: 'Redmi Note 8' }]);
    await refused(f, 'push-unavailable', () =>
      f.desk.call('loginPush', { params: { loginId: next }, body: { authenticatorId: original.authenticatorId } }),
    );
    const sent = await f.desk.call('loginPush', {
      params: { loginId: next },
      body: { authenticatorId: replacement.authenticatorId },
    });
    expect((await original.call('listNotifications', { query: { after: 1 } })).notifications).toEqual([]);
    await replacement.call('answerPush', {
      params: { requestId: sent.push?.requestId as string },
      body: { decision: 'approve' },
    });
    expect((await f.desk.call('getLogin', { params: { loginId: next } })).state).toBe('logged-in');

    // MIG-08: the original device's one-time passwords are still accepted.
    const otpLogin = await f.desk.call('loginOtp', {
      params: { loginId: await start() },
      body: { code: original.code() },
    });
    expect(otpLogin.state).toBe('logged-in');
  });

  it('an app naming an unknown device is device-not-found', async () => {
    const { payload } = await f.desk.call('createRegistration', { body: {} });
    await refused(f, 'device-not-found', () =>
      scanRegistration(f.t.server.url, payload, 'Phone', () => f.now, 'no-such-device'),
    );
  });

  it('a device registered for 2FA cannot be the replacement in a migration (MIG-02)', async () => {
    const { token } = await f.desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId } });
    const taken = { ...deviceIdentity('Redmi Note 8'), installId: original.installId };
    await refused(f, 'migration-target-paired', () =>
      new MbsClient({ baseUrl: f.t.server.url }).call('pair', { body: { token, edition: 'pro', device: taken } }),
    );
  });
});
