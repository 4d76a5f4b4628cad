/**
 * A cell on a server the kit must leave as found: what it made through any client (devices, authenticators) is
 * removed as it ends when still listed under its id and name, a password lock it set where it found none is cleared,
 * what cannot be taken back is one warning; an owner's 2FA makes the checks that need 2FA off untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Untestable } from '../../../conformance/kit/check.js';
import { keepFoundTwoFactor, keepingAsFound } from '../../../conformance/kit/as-found.js';
import { pairDevice } from '../../../conformance/kit/server-support.js';
import { registerByQr } from '../../../conformance/suites/two-factor/common/actors.js';
import { referenceApp } from '../../../conformance/targets/app-under-test.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
let session: TargetSession;
beforeAll(async () => {
  t = await startTestServer('pro');
  session = { url: t.server.url, edition: 'pro', console: t.console, app: referenceApp() } as unknown as TargetSession;
});
afterAll(async () => t.close());

const snapshot = async () => ({
  devices: (await t.console.call('listDevices')).devices.map((d) => [d.deviceId, d.name]),
  twoFactor: await t.console.call('getTwoFactor'),
});

describe('a cell on a server it must leave as found', () => {
  it('removes what it made, clears the lock it set, and warns of its logins', async () => {
    const owners = await pairDevice(session, "The owner's phone");
    const before = await snapshot();
    const { value, warnings } = await keepingAsFound(session, async () => {
      await pairDevice(session, 'Made by the cell');
      await registerByQr(t.console, t.server.url, 'Registered by the cell');
      await t.console.call('setPasswordLock', { body: { password: 'correct horse 1', email: 'kit@example.com' } });
      await t.console.call('startLogin', { body: {} });
      return 'judged';
    });
    expect(value).toBe('judged');
    expect(await snapshot()).toEqual(before);
    expect(before.devices).toEqual([[owners.deviceId, owners.name]]);
    expect(warnings).toEqual(['left on the server: 1 desktop login (their history)']);
  });

  it('removes only what the server lists under the id and the name it was made with', async () => {
    let renamed = '';
    await keepingAsFound(session, async () => {
      const authenticator = await registerByQr(t.console, t.server.url, 'Removed by the check');
      await t.console.call('removeAuthenticator', { params: { authenticatorId: authenticator.id } });
      // A server may give a removed device's id to a later one: under another name, it is not the cell's.
      renamed = (await pairDevice(session, 'Renamed')).deviceId;
      await t.console.call('renameDevice', { params: { deviceId: renamed }, body: { name: 'Front desk' } });
    });
    expect((await snapshot()).devices.filter(([id]) => id === renamed)).toEqual([[renamed, 'Front desk']]);
    await t.console.call('removeDevice', { params: { deviceId: renamed } });
    expect((await t.console.call('getTwoFactor')).authenticators).toEqual([]);
  });

  it("makes a check that needs 2FA off untested on a server with the owner's 2FA, and keeps it", async () => {
    const owners = await registerByQr(t.console, t.server.url, "The owner's authenticator");
    const outcome = await keepingAsFound(session, async () => {
      try {
        keepFoundTwoFactor();
        return 'cleared';
      } catch (error) {
        return error;
      }
    });
    expect(outcome.value).toBeInstanceOf(Untestable);
    expect((outcome.value as Error).message).toContain(
      "the server has 2FA set up that the kit did not make (1 authenticator (The owner's authenticator))",
    );
    expect((await t.console.call('getTwoFactor')).authenticators.map((a) => a.authenticatorId)).toEqual([owners.id]);
    // Outside a cell on such a server (the kit's own servers), nothing is refused.
    expect(() => keepFoundTwoFactor()).not.toThrow();
  });
});
