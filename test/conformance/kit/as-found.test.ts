/**
 * A cell on a server the kit must leave as found: what it made through any client (devices, authenticators) is
 * removed as it ends when still listed under its id and name, a password lock it set where it found none is cleared,
 * what cannot be taken back is one warning; an owner's 2FA makes the checks that need 2FA off untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Untestable } from '../../../conformance/kit/check.js';
import { keepFoundTwoFactor, keepingAsFound } from '../../../conformance/kit/as-found.js';
import { drawingFor } from '../../../conformance/kit/cell-draws.js';
import { contentSource } from '../../../conformance/kit/content-source.js';
import { newWorld } from '../../../conformance/kit/device-world.js';
import { pairDevice } from '../../../conformance/kit/server-support.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { MbsError } from '../../../conformance/spec/errors.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { ANDROID } from '../suites/fixtures/device-run.js';
import { registerByQr } from '../../../conformance/suites/two-factor/common/actors.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { referenceSessionOf } from '../../helpers/reference-session.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { registerOwners } from '../../helpers/owner-authenticator.js';
import { kitEmail } from '../../../conformance/kit/kit-names.js';

let t: TestServer;
let session: TargetSession;
beforeAll(async () => {
  t = await startTestServer('pro');
  session = referenceSessionOf(t);
});
afterAll(async () => t.close());

/** A check that needs 2FA off, inside a cell: what keepFoundTwoFactor let it do, or the error it threw. */
const clearing = async () => {
  try {
    await keepFoundTwoFactor();
    return 'cleared';
  } catch (error) {
    return error;
  }
};

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

  it('removes only what the server lists under the id and the name it was made with, and says what it left', async () => {
    let renamed = { deviceId: '', name: '' };
    const { warnings } = await keepingAsFound(session, async () => {
      const authenticator = await registerByQr(t.console, t.server.url, 'Removed by the check');
      await t.console.call('removeAuthenticator', { params: { authenticatorId: authenticator.id } });
      // A server may give a removed device's id to a later one: under another name, it is not the cell's. Renamed
      // here behind the kit's client, as the server's own doing would be.
      renamed = await pairDevice(session, 'Renamed');
      const answer = await fetch(`${t.server.url}/v1/console/devices/${renamed.deviceId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-mbs-console-key': t.console.consoleKey as string },
        body: JSON.stringify({ name: 'Front desk' }),
      });
      expect(answer.ok).toBe(true);
    });
    expect(warnings).toEqual([
      `left device ${renamed.deviceId} in place: this cell made it as ${JSON.stringify(renamed.name)}, the server ` +
        'lists "Front desk" under its id (renamed, or a later one given the id)',
    ]);
    expect((await snapshot()).devices.filter(([id]) => id === renamed.deviceId)).toEqual([
      [renamed.deviceId, 'Front desk'],
    ]);
    await t.console.call('removeDevice', { params: { deviceId: renamed.deviceId } });
    expect((await t.console.call('getTwoFactor')).authenticators).toEqual([]);
  });

  it("removes a device world's devices, whatever client paired them, and leaves a bystander", async () => {
    const before = (await snapshot()).devices;
    const bystander = await pairDevice(session, 'Front desk');
    const content = contentSource(5, 'cell-end', 'redmi-note-8 @ pro');
    const { warnings } = await keepingAsFound(session, () =>
      drawingFor(content, async () => {
        await pairDevice(session, 'Kept');
        const removed = await pairDevice(session, 'Removed');
        await t.console.call('removeDevice', { params: { deviceId: removed.deviceId } });
        const column = { edition: 'pro' as const, profile: loadProfile(ANDROID) };
        await newWorld({ checkId: 'cell-end', session, column, seed: 5, runs: 1, content });
        expect((await snapshot()).devices).toHaveLength(before.length + 3);
      }),
    );
    expect(warnings).toEqual([]);
    expect((await snapshot()).devices).toEqual([...before, [bystander.deviceId, bystander.name]]);
    await t.console.call('removeDevice', { params: { deviceId: bystander.deviceId } });
  });

  it('says what it could not remove, or list, as warnings, never thrown', async () => {
    const failing = new Set<string>();
    const desk = new MbsClient({ baseUrl: t.server.url, consoleKey: t.console.consoleKey as string });
    const call = desk.call.bind(desk) as (...args: unknown[]) => unknown;
    desk.call = ((name: string, ...rest: unknown[]) =>
      failing.has(name)
        ? Promise.reject(new Error(`${name}: the server went away`))
        : call(name, ...rest)) as typeof desk.call;
    const at = { ...session, console: desk };
    const before = (await snapshot()).devices.map(([id]) => id);
    let paired = '';
    const removal = await keepingAsFound(at, async () => {
      paired = (await pairDevice(at, 'Stays')).deviceId;
      failing.add('removeDevice');
    });
    expect(removal.warnings).toEqual([
      `could not remove device ${paired}, which this cell made: removeDevice: the server went away`,
    ]);
    failing.clear();
    const listing = await keepingAsFound(at, async () => {
      await t.console.call('removeDevice', { params: { deviceId: paired } });
      paired = (await pairDevice(at, 'Stays too')).deviceId;
      failing.add('listDevices');
    });
    expect(listing.warnings).toEqual([
      "could not list the server's devices to remove the 1 device this cell made: listDevices: the server went away",
    ]);
    expect((await snapshot()).devices.map(([id]) => id)).toEqual([...before, paired]);
    await t.console.call('removeDevice', { params: { deviceId: paired } });
  });

  it("meets the server's own failure to answer its 2FA settings in a check that needs 2FA off, clearing nothing", async () => {
    const desk = new MbsClient({ baseUrl: t.server.url, consoleKey: 'not the console key' });
    const outcome = await keepingAsFound({ ...session, console: desk }, clearing);
    expect(outcome.value).toBeInstanceOf(MbsError);
    expect(outcome.value).not.toBeInstanceOf(Untestable);
  });

  it('removes a device the cell renamed under its new name, without a warning', async () => {
    const before = (await snapshot()).devices;
    const { warnings } = await keepingAsFound(session, async () => {
      const paired = await pairDevice(session, 'Named once');
      await t.console.call('renameDevice', { params: { deviceId: paired.deviceId }, body: { name: 'Named twice' } });
    });
    expect(warnings).toEqual([]);
    expect((await snapshot()).devices).toEqual(before);
  });

  it("makes a check that needs 2FA off untested on a server with the owner's 2FA, and keeps it", async () => {
    const owners = await registerOwners(t.console, t.server.url, "The owner's authenticator");
    const outcome = await keepingAsFound(session, clearing);
    expect(outcome.value).toBeInstanceOf(Untestable);
    expect((outcome.value as Error).message).toContain(
      "the server has 2FA set up that this run of the kit did not make (1 authenticator (The owner's authenticator))",
    );
    expect((await t.console.call('getTwoFactor')).authenticators.map((a) => a.authenticatorId)).toEqual([owners.id]);
    // Outside a cell on such a server (the kit's own servers), nothing is refused.
    await expect(keepFoundTwoFactor()).resolves.toBeUndefined();
    await t.console.call('removeAuthenticator', { params: { authenticatorId: owners.id } });
  });

  it('removes what an earlier run of the kit left (its mark in the names), saying so, and lets the check clear 2FA', async () => {
    // As a run stopped mid-cell leaves them: registered by the kit, never heard by this process.
    const left = [await registerByQr(t.console, t.server.url, 'Throttle reset')];
    left.push(await registerByQr(t.console, t.server.url, 'Totp A'));
    expect(left.map((a) => a.name)).toEqual(['[mbsc] Throttle reset', '[mbsc] Totp A']);
    const outcome = await keepingAsFound(session, clearing);
    expect(outcome.value).toBe('cleared');
    expect(outcome.warnings).toEqual([
      'removed 2 authenticators an earlier run of the kit left: [mbsc] Throttle reset, [mbsc] Totp A',
    ]);
    expect((await t.console.call('getTwoFactor')).authenticators).toEqual([]);
  });

  it("removes an earlier run's leftover beside the owner's authenticator, which stays and keeps the check untested", async () => {
    const owners = await registerOwners(t.console, t.server.url, 'Totp A');
    await registerByQr(t.console, t.server.url, 'Totp A');
    const outcome = await keepingAsFound(session, clearing);
    expect(outcome.value).toBeInstanceOf(Untestable);
    expect((outcome.value as Error).message).toContain(
      'the server has 2FA set up that this run of the kit did not make (1 authenticator (Totp A))',
    );
    expect(outcome.warnings).toEqual(['removed 1 authenticator an earlier run of the kit left: [mbsc] Totp A']);
    expect((await t.console.call('getTwoFactor')).authenticators.map((a) => [a.authenticatorId, a.name])).toEqual([
      [owners.id, 'Totp A'],
    ]);
    await t.console.call('removeAuthenticator', { params: { authenticatorId: owners.id } });
  });

  it("under shards, keeps the kit's marked 2FA (another shard's, perhaps in use) and makes the check untested", async () => {
    const live = await registerByQr(t.console, t.server.url, 'Totp A');
    await t.console.call('setPasswordLock', { body: { password: 'correct horse 1', email: kitEmail('shard') } });
    const outcome = await keepingAsFound(session, clearing, true);
    expect(outcome.value).toBeInstanceOf(Untestable);
    expect((outcome.value as Error).message).toContain(
      'the server has 2FA set up that this run of the kit did not make (1 authenticator ([mbsc] Totp A) and a password lock ' +
        '(e-mail shard@mbsc-kit.example))',
    );
    expect((outcome.value as Error).message).toContain("another shard's, so shards leave it");
    expect(outcome.warnings).toEqual([]);
    const after = await t.console.call('getTwoFactor');
    expect(after.authenticators.map((a) => a.authenticatorId)).toEqual([live.id]);
    expect(after.passwordLock).toEqual({ set: true, email: kitEmail('shard') });
    await t.console.call('setPasswordLock', { body: { password: null } });
    await t.console.call('removeAuthenticator', { params: { authenticatorId: live.id } });
  });

  it("clears an earlier run's lock once for the cells that found it together, and one of them says so", async () => {
    await t.console.call('setPasswordLock', { body: { password: 'correct horse 1', email: kitEmail('together') } });
    // As the real-time cells start: side by side, each with the settings it read as it began.
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => keepingAsFound(session, () => keepFoundTwoFactor(true).then(() => 'cleared'))),
    );
    expect(outcomes.map((o) => o.value)).toEqual(['cleared', 'cleared', 'cleared']);
    expect(outcomes.flatMap((o) => o.warnings)).toEqual([
      'removed the password lock an earlier run of the kit left (e-mail together@mbsc-kit.example)',
    ]);
    expect((await t.console.call('getTwoFactor')).passwordLock).toEqual({ set: false });
  });

  it('leaves alone, in another cell, the lock a cell of this run set, with the same kit e-mail', async () => {
    const setter = await keepingAsFound(session, async () => {
      await t.console.call('setPasswordLock', { body: { password: 'correct horse 2', email: kitEmail('together') } });
      const other = await keepingAsFound(session, () => keepFoundTwoFactor(true).then(() => 'cleared'));
      return { other, lock: (await t.console.call('getTwoFactor')).passwordLock };
    });
    expect(setter.value.other).toEqual({ value: 'cleared', warnings: [] });
    expect(setter.value.lock).toEqual({ set: true, email: kitEmail('together') });
    // The cell that set it found none, and takes it off as it ends.
    expect((await t.console.call('getTwoFactor')).passwordLock).toEqual({ set: false });
  });

  it('clears a password lock an earlier run of the kit left (its e-mail), saying so; the cell then leaves none', async () => {
    await t.console.call('setPasswordLock', { body: { password: 'correct horse 1', email: kitEmail('owner') } });
    const outcome = await keepingAsFound(session, async () => {
      const cleared = await clearing();
      await t.console.call('setPasswordLock', { body: { password: 'correct horse 2', email: kitEmail('walker') } });
      return cleared;
    });
    expect(outcome.value).toBe('cleared');
    expect(outcome.warnings).toEqual([
      'removed the password lock an earlier run of the kit left (e-mail owner@mbsc-kit.example)',
    ]);
    expect((await t.console.call('getTwoFactor')).passwordLock).toEqual({ set: false });
  });
});
