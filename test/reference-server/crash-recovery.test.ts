/**
 * kill -9 of the server process mid-upload and at other moments: after a restart no committed item is lost, nothing
 * partial is listed, and the interrupted upload resumes where the file on disk says it stopped.
 */
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { bytesOf, deviceIdentity, photo, sha256, tempDir } from '../helpers/test-server.js';

const dataDir = tempDir('mbs-crash-');
const serveArgs = ['--edition', 'pro', '--data', dataDir, '--host', '127.0.0.1', '--port', '0', '--udp-port', '0'];
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function killHard(server: ServeProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

/** Sends the first `sent` bytes of an append announcing `total`, waits until the server holds them, and returns. */
async function startAppend(device: MbsClient, uploadId: string, bytes: Buffer, sent: number): Promise<void> {
  const url = new URL(`/v1/uploads/${uploadId}`, device.baseUrl);
  const req = request(url, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${device.deviceKey}`,
      'content-type': 'application/offset+octet-stream',
      'content-length': String(bytes.length),
      'upload-offset': '0',
    },
  });
  req.on('error', () => undefined);
  req.write(bytes.subarray(0, sent));
  for (let attempt = 0; attempt < 400; attempt++) {
    const status = await device.call('getUpload', { params: { uploadId } });
    if (status.offset >= sent) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the server never received the first bytes');
}

describe('kill -9 and restart', () => {
  it('keeps committed items, hides the partial one, and resumes it', async () => {
    let server = await spawnServe(serveArgs);
    const console = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    const device = new MbsClient({ baseUrl: server.url });
    const paired = await device.call('pair', {
      body: { token: pairing.token, edition: 'pro', device: deviceIdentity('Crash Phone') },
    });
    device.deviceKey = paired.deviceKey;

    const backup = await device.call('startBackup', { body: {} });
    const committed = bytesOf(7, 100_000);
    await device.uploadItem(backup.backupId, committed, photo('A.jpg'), sha256(committed));

    const big = bytesOf(8, 3_000_000);
    const created = await device.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(big), size: big.length, meta: photo('B.jpg') },
    });
    if (created.status !== 'created') throw new Error(`expected a new upload, got ${created.status}`);
    const uploadId = created.upload.uploadId;
    await startAppend(device, uploadId, big, 1_234_567);
    await killHard(server);

    server = await spawnServe(serveArgs);
    const again = new MbsClient({ baseUrl: server.url, deviceKey: paired.deviceKey });
    const listed = await again.call('listItems', {});
    expect(listed.items.map((i) => i.sha256)).toEqual([sha256(committed)]);
    expect((await again.download(sha256(committed))).equals(committed)).toBe(true);

    const status = await again.call('getUpload', { params: { uploadId } });
    expect(status.offset).toBeGreaterThanOrEqual(1_234_567);
    expect(status.offset).toBeLessThan(big.length);
    const resumed = await again.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(big), size: big.length, meta: photo('B.jpg') },
    });
    expect(resumed).toMatchObject({ status: 'resumed', upload: { uploadId, offset: status.offset } });
    const done = await again.append(uploadId, status.offset, big.subarray(status.offset));
    expect(done.complete).toBe(true);
    expect((await again.download(sha256(big))).equals(big)).toBe(true);

    // A kill right after a completed upload loses nothing either.
    const last = bytesOf(9, 50_000);
    await again.uploadItem(backup.backupId, last, photo('C.jpg'), sha256(last));
    await killHard(server);
    server = await spawnServe(serveArgs);
    const third = new MbsClient({ baseUrl: server.url, deviceKey: paired.deviceKey });
    const after = await third.call('listItems', {});
    expect(after.items.map((i) => i.sha256).sort()).toEqual([committed, big, last].map(sha256).sort());
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('at random moments of a stream of uploads, never loses an acknowledged item nor lists a damaged one', async () => {
    const dir = tempDir('mbs-crash-loop-');
    const args = ['--edition', 'lite', '--data', dir, '--host', '127.0.0.1', '--port', '0', '--udp-port', '0'];
    let server = await spawnServe(args);
    const console = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    const first = new MbsClient({ baseUrl: server.url });
    const paired = await first.call('pair', {
      body: { token: pairing.token, edition: 'lite', device: deviceIdentity('Loop') },
    });
    const acknowledged = new Set<string>();
    const contents = new Map<string, Buffer>();
    let seed = 1000;
    // Deterministic "random" kill delays, so a failure can be rerun exactly.
    for (const delayMs of [35, 140, 60, 250, 90]) {
      const device = new MbsClient({ baseUrl: server.url, deviceKey: paired.deviceKey });
      const backup = await device.call('startBackup', { body: {} });
      let stop = false;
      const uploading = (async () => {
        while (!stop) {
          const bytes = bytesOf(++seed, 20_000 + (seed % 7) * 90_000);
          const sha = sha256(bytes);
          contents.set(sha, bytes);
          await device.uploadItem(backup.backupId, bytes, photo(`L${seed}.jpg`), sha);
          acknowledged.add(sha);
        }
      })().catch(() => undefined);
      await new Promise((r) => setTimeout(r, delayMs));
      await killHard(server);
      stop = true;
      await uploading;
      server = await spawnServe(args);
      const check = new MbsClient({ baseUrl: server.url, deviceKey: paired.deviceKey });
      const listed = new Set<string>();
      let cursor: string | null = null;
      for (let page = 0; page < 100; page++) {
        const result: Awaited<ReturnType<typeof check.call<'listItems'>>> = await check.call('listItems', {
          query: cursor ? { cursor, limit: 1000 } : { limit: 1000 },
        });
        for (const item of result.items) listed.add(item.sha256);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      for (const sha of acknowledged) expect(listed.has(sha), `acknowledged ${sha} lost`).toBe(true);
      for (const sha of listed) {
        expect(sha256(await check.download(sha)), `listed ${sha} damaged`).toBe(sha);
        expect(contents.has(sha)).toBe(true);
      }
    }
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  });
});
