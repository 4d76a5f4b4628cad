/**
 * `mbsc serve --disk-quota BYTES`: a served process holds its data directory to the quota, answering an append past
 * it as a full disk is answered and keeping none of it; a quota that is not a whole number is a usage error.
 */
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesUnder } from '../../reference-server/storage/disk-quota.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { runCli, spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { bytesOf, deviceIdentity, photo, sha256, tempDir } from '../helpers/test-server.js';

const QUOTA = 32 * 1024 * 1024;

let served: ServeProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  served?.child.kill('SIGTERM');
  await served?.exited;
  served = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('mbsc serve --disk-quota', () => {
  it('refuses an append past the quota as a full disk, keeping none of it', { timeout: 60_000 }, async () => {
    const data = tempDir('mbs-cli-quota-');
    dirs.push(data);
    const where = ['--host', '127.0.0.1', '--port', '0', '--udp-port', '0'];
    served = await spawnServe(['--edition', 'pro', '--data', data, ...where, '--disk-quota', String(QUOTA)]);
    const console = new MbsClient({ baseUrl: served.url, consoleKey: served.consoleKey });
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    const device = new MbsClient({ baseUrl: served.url });
    const paired = await device.call('pair', {
      body: { token: pairing.token, edition: 'pro', device: deviceIdentity('Pixel 8') },
    });
    device.deviceKey = paired.deviceKey;
    const bytes = bytesOf(21, 100_000);
    const backup = await device.call('startBackup', { body: {} });
    const created = await device.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('C1.png') },
    });
    if (created.status === 'duplicate') throw new Error('a fresh server holds no item');
    const filler = path.join(data, 'filler');
    writeFileSync(filler, '');
    truncateSync(filler, QUOTA - bytesUnder(data));
    const { uploadId } = created.upload;
    await expect(device.append(uploadId, 0, bytes)).rejects.toMatchObject({ code: 'server-disk-full', status: 507 });
    expect((await device.call('getUpload', { params: { uploadId } })).offset).toBe(0);
    expect((await device.call('listItems', {})).items).toEqual([]);
  });

  it('says a quota that is not a whole number is a usage error', async () => {
    const data = tempDir('mbs-cli-quota-');
    dirs.push(data);
    const result = await runCli(['serve', '--disk-quota', '12x', '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--disk-quota must be a whole number');
  });
});
