/**
 * The console routes behind the device list: a pairing says which device used its token (never another paired
 * meanwhile) or that it expired, and a device's backed-up items read as the device lists them; unknown ids are
 * refused with their codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { bytesOf, deviceIdentity, photo, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
let now = Date.UTC(2026, 10, 22);
beforeAll(async () => {
  t = await startTestServer('pro', { clock: { now: () => now } });
});
afterAll(async () => t.close());

async function pairWith(token: string, name: string): Promise<MbsClient & { deviceId: string }> {
  const phone = new MbsClient({ baseUrl: t.server.url });
  const paired = await phone.call('pair', { body: { token, edition: 'pro', device: deviceIdentity(name) } });
  phone.deviceKey = paired.deviceKey;
  return Object.assign(phone, { deviceId: paired.deviceId });
}

describe('a pairing as the desktop follows it', () => {
  it('names the device that used its own token, not one paired meanwhile', async () => {
    const mine = await t.console.call('createPairing', { body: { mode: 'add' } });
    const other = await t.console.call('createPairing', { body: { mode: 'add' } });
    const status = (pairingId: string) => t.console.call('getPairing', { params: { pairingId } });
    expect(await status(mine.pairingId)).toMatchObject({ status: 'waiting', mode: 'add' });
    const bystander = await pairWith(other.token, 'Bystander');
    expect((await status(mine.pairingId)).status).toBe('waiting');
    const phone = await pairWith(mine.token, 'Mine');
    expect(await status(mine.pairingId)).toMatchObject({ status: 'paired', deviceId: phone.deviceId });
    expect(await status(other.pairingId)).toMatchObject({ status: 'paired', deviceId: bystander.deviceId });
  });

  it('expires unused, and an unknown pairing is pairing-not-found', async () => {
    const pairing = await t.console.call('createPairing', { body: { mode: 'add' } });
    now = pairing.expiresAt;
    expect((await t.console.call('getPairing', { params: { pairingId: pairing.pairingId } })).status).toBe('expired');
    await expect(t.console.call('getPairing', { params: { pairingId: 'no-such-pairing' } })).rejects.toMatchObject({
      code: 'pairing-not-found',
    });
  });
});

describe("a device's backups for the device list", () => {
  it('lists what the device backed up, and refuses an unknown device', async () => {
    const { token } = await t.console.call('createPairing', { body: { mode: 'add' } });
    const phone = await pairWith(token, 'Backs up');
    const listed = (deviceId: string) => t.console.call('listDeviceItems', { params: { deviceId }, query: {} });
    expect((await listed(phone.deviceId)).items).toEqual([]);
    const bytes = bytesOf(7, 64);
    const { backupId } = await phone.call('startBackup', { body: {} });
    await phone.uploadItem(backupId, bytes, photo('IMG_0007.jpg'), sha256(bytes));
    const page = await listed(phone.deviceId);
    expect(page.items.map((i) => i.meta.name)).toEqual(['IMG_0007.jpg']);
    expect(page).toEqual(await phone.call('listItems', { query: {} }));
    await expect(listed('no-such-device')).rejects.toMatchObject({ code: 'device-not-found' });
  });
});
