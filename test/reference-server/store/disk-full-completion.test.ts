/**
 * An upload whose last bytes are in, whose place in the blocks folder is recorded, and whose item record the disk
 * then refuses (services/upload-completion.ts): the answer is `507 server-disk-full` saying what was kept (the
 * upload's bytes, not the item), nothing of the item is listed or found in the blocks folder, the upload stays
 * resumable at its full size, and once the disk has room the upload completes on the same server, no restart needed;
 * a restart while the disk is still full starts and keeps it so, and a restart that finds room completes it. A
 * migration discards it (PROTOCOL.md "Migration"): the replacement can neither resume nor complete it.
 *
 * The refusal is brought about exactly: the WAL is emptied beside the server, and the disk is filled to leave the
 * item's last byte plus the room a database write is let in with (store/quota-writes.ts). The write that records the
 * item's place then grows the WAL past that room, so the write that records the item is the one refused.
 */
import { existsSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { bytesUnder } from '../../../reference-server/storage/disk-quota.js';
import { layoutOf } from '../../../reference-server/storage/layout.js';
import { TRANSACTION_PAGES, WAL_PAGES } from '../../../reference-server/store/quota-writes.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { bytesOf, photo, sha256, startTestServer, tempDir, type TestServer } from '../../helpers/test-server.js';
import { migrate } from '../services/append-race-fixture.js';

const QUOTA = 8 * 1024 * 1024;
/** The room a database write is let in with (quota-writes.ts: pages of 4,096 bytes, each with a 24-byte header). */
const HEADROOM = (WAL_PAGES + TRANSACTION_PAGES) * (4096 + 24);
/** Generous for a busy two-core machine: up to three server starts and a handful of requests. */
const TIMEOUT_MS = 60_000;

let t: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Every file under `dir`, at any depth. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

type Device = Awaited<ReturnType<TestServer['pairDevice']>>;

interface Refused {
  readonly device: Device;
  readonly uploadId: string;
  readonly bytes: Buffer;
  readonly filler: string;
  readonly blocks: string;
}

/** An upload whose completion the disk refused at the item's record, checked to have left nothing of the item. */
async function refusedCompletion(): Promise<Refused> {
  dataDir = tempDir('mbs-finish-quota-');
  t = await startTestServer('pro', { dataDir, diskQuota: QUOTA });
  const device = await t.pairDevice('Pixel finish');
  const bytes = bytesOf(61, 40_000);
  const backup = await device.call('startBackup', { body: {} });
  const created = await device.call('createUpload', {
    body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('F61.png') },
  });
  if (created.status !== 'created') throw new Error('a fresh server holds no item');
  const { uploadId } = created.upload;
  await device.append(uploadId, 0, bytes.subarray(0, -1));

  const wal = new Database(layoutOf(dataDir).database, { fileMustExist: true });
  wal.pragma('wal_checkpoint(TRUNCATE)');
  wal.close();
  const filler = path.join(dataDir, 'filler');
  writeFileSync(filler, '');
  truncateSync(filler, QUOTA - bytesUnder(dataDir) - HEADROOM - 1);
  const blocks = path.join(dataDir, (await device.call('getSelf')).backupPath);
  const before = filesUnder(blocks);

  const refusal = await device.append(uploadId, bytes.length - 1, bytes.subarray(-1)).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refusal).toMatchObject({ code: 'server-disk-full', status: 507 });
  // What the answer says is what happened: the bytes were kept, the item was not recorded.
  expect((refusal as Error).message).toMatch(/bytes .*kept/i);
  expect((refusal as Error).message).not.toMatch(/nothing .*kept/i);
  // No partial item: none listed, none found, no file of it in the blocks folder.
  expect((await device.call('listItems', {})).items).toEqual([]);
  await expect(device.call('getItem', { params: { sha256: sha256(bytes) } })).rejects.toMatchObject({
    code: 'item-not-found',
  });
  expect(filesUnder(blocks)).toEqual(before);
  // Resumable, at its full size, whether asked by its id or announced again.
  expect((await device.call('getUpload', { params: { uploadId } })).offset).toBe(bytes.length);
  const again = await device.call('createUpload', {
    body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('F61.png') },
  });
  expect(again).toMatchObject({ status: 'resumed', upload: { uploadId, offset: bytes.length } });
  return { device, uploadId, bytes, filler, blocks };
}

/** The item, listed once and restored byte for byte; its upload gone. */
async function expectStored(device: MbsClient, uploadId: string, bytes: Buffer): Promise<void> {
  expect((await device.call('listItems', {})).items.map((i) => i.sha256)).toEqual([sha256(bytes)]);
  expect((await device.download(sha256(bytes))).equals(bytes)).toBe(true);
  expect(existsSync(path.join(layoutOf(dataDir as string).uploads, `${uploadId}.part`))).toBe(false);
}

it(
  'a completion whose item record the disk refuses leaves the upload resumable, and it completes once there is room',
  { timeout: TIMEOUT_MS },
  async () => {
    const { device, uploadId, bytes, filler } = await refusedCompletion();
    rmSync(filler);
    const finished = await device.append(uploadId, bytes.length, Buffer.alloc(0));
    expect(finished.complete).toBe(true);
    await expectStored(device, uploadId, bytes);
  },
);

it(
  'a restart on a disk still full starts, keeps the upload resumable, and completes it once a restart finds room',
  { timeout: TIMEOUT_MS },
  async () => {
    const { device, uploadId, bytes, filler, blocks } = await refusedCompletion();
    const before = filesUnder(blocks);
    const restart = async (stillFull: boolean) => {
      await t?.close();
      // Closing checkpoints the WAL, which frees room: the filler takes it back, leaving less than a write needs.
      if (stillFull) truncateSync(filler, statSync(filler).size + QUOTA - bytesUnder(dataDir as string) - HEADROOM + 1);
      t = await startTestServer('pro', { dataDir: dataDir as string, diskQuota: QUOTA });
      return new MbsClient({ baseUrl: t.server.url, deviceKey: device.deviceKey as string });
    };
    const full = await restart(true);
    expect((await full.call('listItems', {})).items).toEqual([]);
    expect(filesUnder(blocks)).toEqual(before);
    expect((await full.call('getUpload', { params: { uploadId } })).offset).toBe(bytes.length);

    rmSync(filler);
    await expectStored(await restart(false), uploadId, bytes);
  },
);

it(
  'a migration discards the upload whose completion was refused: the replacement starts its bytes again at 0',
  { timeout: TIMEOUT_MS },
  async () => {
    const { device, uploadId, bytes, filler } = await refusedCompletion();
    rmSync(filler);
    const replacement = await migrate(t as TestServer, device.deviceId);

    await expect(replacement.call('getUpload', { params: { uploadId } })).rejects.toMatchObject({
      code: 'upload-not-found',
    });
    await expect(replacement.append(uploadId, bytes.length, Buffer.alloc(0))).rejects.toMatchObject({
      code: 'upload-not-found',
    });
    expect(readdirSync(layoutOf(dataDir as string).uploads)).toEqual([]);
    const backup = await replacement.call('startBackup', { body: {} });
    const again = await replacement.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta: photo('F61.png') },
    });
    expect(again).toMatchObject({ status: 'created', upload: { offset: 0 } });
    expect((await replacement.call('listItems', {})).items).toEqual([]);
  },
);
