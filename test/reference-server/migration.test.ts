/** Migration to a replacement device (seed 000 §7, §11.2). */
import { afterEach, describe, expect, it } from 'vitest';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { bytesOf, deviceIdentity, photo, sha256, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('migration', () => {
  let t: TestServer;
  afterEach(async () => t?.close());

  it('moves the backup to the replacement: same path, new name, original gone, items in Archive', async () => {
    t = await startTestServer('pro');
    const original = await t.pairDevice('ASUS_X00ID');
    const other = await t.pairDevice('iPhone6s');
    const backup = await original.call('startBackup', { body: {} });
    const bytes = bytesOf(3, 5000);
    await original.uploadItem(backup.backupId, bytes, photo('M.jpg'), sha256(bytes));
    await original.call('commitBackup', {
      params: { backupId: backup.backupId },
      body: { present: [sha256(bytes)], accounts: [] },
    });
    const before = await original.call('getSelf');

    const pairing = await t.console.call('createPairing', {
      body: { mode: 'migrate', originalDeviceId: original.deviceId },
    });
    const replacement = new MbsClient({ baseUrl: t.server.url });
    const paired = await replacement.call('pair', {
      body: { token: pairing.token, edition: 'pro', device: deviceIdentity('Redmi Note 8') },
    });
    replacement.deviceKey = paired.deviceKey;
    expect(paired).toMatchObject({
      name: 'Redmi Note 8',
      backupPath: before.backupPath,
      migratedFrom: { deviceId: original.deviceId, name: 'ASUS_X00ID' },
    });
    const { devices } = await t.console.call('listDevices');
    expect(devices.map((d) => d.name).sort()).toEqual(['Redmi Note 8', 'iPhone6s']);
    expect(devices.find((d) => d.deviceId === original.deviceId)).toBeUndefined();
    await expect(original.call('getSelf')).rejects.toMatchObject({ code: 'device-unauthorized' });

    const archive = await replacement.call('listItems', { query: { tab: 'archive' } });
    expect(archive.items.map((i) => i.sha256)).toEqual([sha256(bytes)]);
    expect((await replacement.download(sha256(bytes))).equals(bytes)).toBe(true);
    expect((await replacement.call('getLatestSnapshot')).counts.photos).toBe(1);
    // The other device is untouched.
    expect((await other.call('listItems', {})).items).toEqual([]);
  });

  it('refuses a replacement that is already paired, and changes nothing', async () => {
    t = await startTestServer('lite');
    const original = await t.pairDevice('Samsung Note 10');
    const pairing = await t.console.call('createPairing', {
      body: { mode: 'migrate', originalDeviceId: original.deviceId },
    });
    const identity = deviceIdentity('Redmi Note 8');
    const addPairing = await t.console.call('createPairing', { body: { mode: 'add' } });
    const replacement = new MbsClient({ baseUrl: t.server.url });
    await replacement.call('pair', { body: { token: addPairing.token, edition: 'lite', device: identity } });
    const listed = await t.console.call('listDevices');

    await expect(
      replacement.call('pair', { body: { token: pairing.token, edition: 'lite', device: identity } }),
    ).rejects.toMatchObject({ code: 'migration-target-paired', status: 409 });
    expect(await t.console.call('listDevices')).toEqual(listed);
    expect((await original.call('getSelf')).name).toBe('Samsung Note 10');
    // The token was not used up by the refusal.
    const fresh = new MbsClient({ baseUrl: t.server.url });
    const ok = await fresh.call('pair', {
      body: { token: pairing.token, edition: 'lite', device: deviceIdentity('New') },
    });
    expect(ok.migratedFrom?.deviceId).toBe(original.deviceId);
  });
});
