/**
 * Versions (seed 000 §11, seed 001): the server states its desktop-program version; 2FA needs 4.3.0.0 (Pro and
 * Lite), a migration 4.5.4.0 on the desktop and app 1.5.0 (Android) or 268 (iOS) on the replacement.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../conformance/spec/errors.js';
import { compareVersions } from '../../conformance/spec/versions.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { deviceIdentity, startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer | undefined;
afterEach(async () => t?.close());

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => 'accepted',
    (error: unknown) => (error instanceof MbsError ? error.code : String(error)),
  );

async function migrateToken(server: TestServer) {
  const original = await server.pairDevice('Original');
  const { token } = await server.console.call('createPairing', {
    body: { mode: 'migrate', originalDeviceId: original.deviceId },
  });
  return token;
}

describe('versions', () => {
  it('compares part by part as numbers', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('268', '268.0')).toBe(0);
    expect(compareVersions('4.5.3.9', '4.5.4.0')).toBe(-1);
  });

  it('the reference server states 4.5.4.0, and a replacement below the app minimum is refused, token kept', async () => {
    t = await startTestServer('pro');
    const info = await new MbsClient({ baseUrl: t.server.url }).call('getInfo');
    expect(info).toMatchObject({ desktopVersion: '4.5.4.0', twoFactor: true });
    const token = await migrateToken(t);
    const app = new MbsClient({ baseUrl: t.server.url });
    const pair = (platform: 'android' | 'ios', appVersion?: string) =>
      app.call('pair', {
        body: {
          token,
          edition: 'pro',
          device: deviceIdentity('Replacement', platform),
          ...(appVersion ? { appVersion } : {}),
        },
      });
    expect(await codeOf(pair('android', '1.4.99'))).toBe('app-version-unsupported');
    expect(await codeOf(pair('ios', '267'))).toBe('app-version-unsupported');
    expect((await t.console.call('listDevices')).devices.map((d) => d.name)).toEqual(['Original']);
    expect(await codeOf(pair('ios', '268'))).toBe('accepted');
    expect((await t.console.call('listDevices')).devices.map((d) => d.name)).toEqual(['Replacement']);
  });

  it('an app that states no version, or adds a device, is not held to the migration minimum', async () => {
    t = await startTestServer('home');
    const token = await migrateToken(t);
    const app = new MbsClient({ baseUrl: t.server.url });
    await app.call('pair', { body: { token, edition: 'home', device: deviceIdentity('Replacement') } });
    const add = await t.console.call('createPairing', { body: { mode: 'add' } });
    await app.call('pair', {
      body: { token: add.token, edition: 'home', device: deviceIdentity('Old app'), appVersion: '1.0.0' },
    });
  });

  it('desktop 4.5.3.0 refuses to issue a migrate QR, and still adds devices', async () => {
    t = await startTestServer('lite', { desktopVersion: '4.5.3.0' });
    const original = await t.pairDevice('Original');
    const migrate = t.console.call('createPairing', { body: { mode: 'migrate', originalDeviceId: original.deviceId } });
    expect(await codeOf(migrate)).toBe('desktop-version-unsupported');
    await t.pairDevice('Another');
  });

  it('desktop 4.2.0.0 says it has no 2FA and refuses every 2FA route', async () => {
    t = await startTestServer('pro', { desktopVersion: '4.2.0.0' });
    const info = await new MbsClient({ baseUrl: t.server.url }).call('getInfo');
    expect(info).toMatchObject({ desktopVersion: '4.2.0.0', twoFactor: false });
    expect(await codeOf(t.console.call('getTwoFactor'))).toBe('2fa-not-supported');
    expect(await codeOf(t.console.call('startLogin', { body: {} }))).toBe('2fa-not-supported');
  });
});
