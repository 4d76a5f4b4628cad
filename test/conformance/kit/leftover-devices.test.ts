/**
 * A rerun of one seed names and installs its devices as the run before it did. Devices an interrupted run left are
 * removed by name before a check that looks its devices up by name pairs them again; other devices stay. Every other
 * pairing of the kit, refused because an earlier run of its seed left that installation paired, removes the device
 * that run left under the very name it pairs, and pairs again; a refusal with no such device stands.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import type { CheckContext } from '../../../conformance/kit/check.js';
import { drawingFor } from '../../../conformance/kit/cell-draws.js';
import { contentSource, type ContentSource } from '../../../conformance/kit/content-source.js';
import { newWorld } from '../../../conformance/kit/device-world.js';
import { pairDevice, removeLeftovers } from '../../../conformance/kit/server-support.js';
import { SetupError } from '../../../conformance/kit/setup.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { referenceSessionOf } from '../../helpers/reference-session.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { ANDROID } from '../suites/fixtures/device-run.js';

let t: TestServer;
let session: TargetSession;
beforeAll(async () => {
  t = await startTestServer('pro');
  session = referenceSessionOf(t);
});
afterAll(async () => t.close());

const listed = async () => (await t.console.call('listDevices')).devices;
// Each case starts with an empty device list, whatever the one before it left.
afterEach(async () =>
  removeLeftovers(
    session,
    (await listed()).map((d) => d.name),
  ),
);

/** One run's cell of the check `checkId` on seed 5: a content source of its own, as every run makes. */
function cell<T>(checkId: string, body: (content: ContentSource) => Promise<T>): Promise<T> {
  const content = contentSource(5, checkId, 'pro');
  return drawingFor(content, () => body(content));
}

/** What a pairing was refused with: the target's code, through the setup's error. */
async function refusal(pairing: Promise<unknown>): Promise<string> {
  const error = await pairing.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SetupError);
  const cause = (error as SetupError).cause;
  expect(cause).toBeInstanceOf(MbsError);
  return (cause as MbsError).code;
}

describe("a check's leftover devices", () => {
  it('are removed by their names, and no other device is', async () => {
    const names = ['ASUS X00ID 1a2b', 'Bystander 3c4d', 'Kept 5e6f'];
    for (const name of names) await pairDevice(session, name);
    await removeLeftovers(session, ['ASUS X00ID 1a2b', 'Bystander 3c4d', 'Never paired 7a8b']);
    expect((await listed()).map((d) => d.name)).toEqual(['Kept 5e6f']);
  });

  it('of a stopped run of the seed give way to its rerun: the same names and installations pair again', async () => {
    // The stopped run paired two devices and never removed them.
    const stopped = await cell('leftover-server', async () => [
      await pairDevice(session, 'Original'),
      await pairDevice(session, 'Bystander'),
    ]);
    const rerun = await cell('leftover-server', async () => [
      await pairDevice(session, 'Original'),
      await pairDevice(session, 'Bystander'),
    ]);
    expect(rerun.map((d) => [d.name, d.installId])).toEqual(stopped.map((d) => [d.name, d.installId]));
    expect(rerun[0]?.name).toMatch(/^Original [0-9a-f]{10}$/);
    const devices = await listed();
    expect(devices.map((d) => d.deviceId).sort()).toEqual(rerun.map((d) => d.deviceId).sort());
  });

  it("of a device check's world give way to its rerun, whose app logs only the one pairing", async () => {
    const profile = loadProfile(ANDROID);
    const context = (content: ContentSource): CheckContext => ({
      checkId: 'leftover-world',
      session,
      column: { edition: 'pro', profile },
      seed: 5,
      runs: 1,
      content,
    });
    const first = await cell('leftover-world', async (content) => newWorld(context(content)));
    const again = await cell('leftover-world', async (content) => newWorld(context(content)));
    expect(again.device.spec.name).toBe(first.device.spec.name);
    expect(again.app.log.all().map((e) => e.type)).toEqual(['Backup Info']);
    expect((await listed()).map((d) => d.deviceId)).toEqual([again.app.pairing?.deviceId]);
  });

  it("are never the run's own: a cell pairing one installation twice is refused", async () => {
    const own = await cell('leftover-own', async (content) => {
      const paired = await pairDevice(session, 'Twice');
      // The same case again draws the same name and installation, which this cell paired itself.
      content.startCase('');
      expect(await refusal(pairDevice(session, 'Twice'))).toBe('device-already-paired');
      return paired;
    });
    expect((await listed()).map((d) => d.deviceId)).toEqual([own.deviceId]);
  });

  it('are only those under the name being paired: a leftover renamed since stays, and the refusal stands', async () => {
    const stopped = await cell('leftover-renamed', async () => pairDevice(session, 'Renamed'));
    await t.console.call('renameDevice', { params: { deviceId: stopped.deviceId }, body: { name: 'Front desk' } });
    await cell('leftover-renamed', async () => {
      expect(await refusal(pairDevice(session, 'Renamed'))).toBe('device-already-paired');
    });
    expect((await listed()).map((d) => d.name)).toEqual(['Front desk']);
  });
});
