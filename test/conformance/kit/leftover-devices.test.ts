/**
 * A rerun of one seed names and installs its devices as the run before it did. Devices an interrupted run left are
 * removed by name before a check that looks its devices up by name pairs them again; other devices stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairDevice, removeLeftovers } from '../../../conformance/kit/server-support.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => t.close());

describe("a check's leftover devices", () => {
  it('are removed by their names, and no other device is', async () => {
    const session = { url: t.server.url, edition: 'pro', console: t.console } as unknown as TargetSession;
    for (const name of ['ASUS X00ID 1a2b', 'Bystander 3c4d', 'Kept 5e6f']) await pairDevice(session, name);
    await removeLeftovers(session, ['ASUS X00ID 1a2b', 'Bystander 3c4d', 'Never paired 7a8b']);
    const { devices } = await t.console.call('listDevices');
    expect(devices.map((d) => d.name)).toEqual(['Kept 5e6f']);
  });
});
