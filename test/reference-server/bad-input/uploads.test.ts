/**
 * Bad input: uploads. A file type the server does not take or a kind its name contradicts, an upload into a closed,
 * unknown or foreign backup, a checksum mismatch, appends at the wrong offset, past the size, chunked, with the wrong
 * content type or without an offset, and an unknown or foreign upload.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { bytesOf, photo, sha256 } from '../../helpers/test-server.js';
import {
  append,
  asA,
  auth,
  expectRefused,
  fx,
  json,
  pending,
  raw,
  refusal,
  setUpFixture,
  tearDownFixture,
  uploadBody,
  viaClient,
  withHeader,
} from './fixture.js';

beforeAll(setUpFixture);
afterAll(tearDownFixture);

describe('uploads', () => {
  const create = (meta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    raw(asA(json('POST', '/v1/uploads', uploadBody(meta, extra))));

  it.each([
    ['x.exe', 'document'],
    ['README', 'document'],
    ['photo.jpg.exe', 'photo'],
    ['archive.zip', 'document'],
  ])('a file named %s (kind %s) → unsupported-file-type', (name, kind) =>
    expectRefused('unsupported-file-type', create({ name, kind })),
  );

  it.each([
    ['IMG_0009.jpg', 'video'],
    ['VID_0009.mp4', 'photo'],
    ['report.pdf', 'photo'],
    ['song.mp3', 'video'],
  ])('a file named %s announced as a %s → item-kind-mismatch', (name, kind) =>
    expectRefused('item-kind-mismatch', create({ name, kind })),
  );

  it('an upload into a committed backup → backup-closed', () =>
    expectRefused('backup-closed', create({}, { backupId: fx.closedBackup })));
  it('an upload into an unknown backup → backup-not-found', () =>
    expectRefused('backup-not-found', create({}, { backupId: 'no-such-backup' })));
  it("an upload into another device's backup → backup-not-found", () =>
    expectRefused(
      'backup-not-found',
      raw({
        ...json('POST', '/v1/uploads', uploadBody({})),
        headers: { 'content-type': 'application/json', ...auth(fx.b) },
      }),
    ));

  it('a checksum mismatch discards the upload: its part file is gone and nothing is listed', async () => {
    const declared = bytesOf(5, 5);
    const sent = bytesOf(6, 5);
    const before = snapshotState(fx.t.dataDir);
    const created = await fx.a.call('createUpload', {
      body: { backupId: fx.openBackup, sha256: sha256(declared), size: 5, meta: photo('IMG_0005.jpg') },
    });
    if (created.status !== 'created') throw new Error(`expected a new upload, got ${created.status}`);
    const id = created.upload.uploadId;
    const error = await viaClient(() => fx.a.append(id, 0, sent))();
    expect({ code: error.code, status: error.status }).toEqual({ code: 'upload-checksum-mismatch', status: 422 });
    expect(existsSync(path.join(fx.t.dataDir, '.mbs', 'uploads', `${id}.part`))).toBe(false);
    expect(snapshotState(fx.t.dataDir)).toEqual(before);
    const listed = (await fx.a.call('listItems', { query: { limit: 1000 } })).items.map((i) => i.sha256);
    expect(listed).not.toContain(sha256(declared));
    expect(listed).not.toContain(sha256(sent));
    await expectRefused(
      'upload-not-found',
      viaClient(() => fx.a.call('getUpload', { params: { uploadId: id } })),
    );
  });

  it.each([0, 3, 5, 10])(
    'an append at offset %i when the upload is at 4 → upload-offset-mismatch with expectedOffset',
    async (offset) => {
      const error = await refusal(
        'upload-offset-mismatch',
        viaClient(() => fx.a.append(fx.uploadId, offset, pending.subarray(4, 5))),
      );
      expect(error.details).toMatchObject({ expectedOffset: 4 });
    },
  );
  it('an append past the declared size → upload-exceeds-size', () =>
    expectRefused(
      'upload-exceeds-size',
      viaClient(() => fx.a.append(fx.uploadId, 4, Buffer.concat([pending.subarray(4), Buffer.from('!')]))),
    ));
  it('an append without content-length (chunked) → upload-length-required', () =>
    expectRefused('upload-length-required', raw({ ...append(4), body: pending.subarray(4, 6), chunked: true })));
  it('an append sent as application/json → unsupported-media-type', () =>
    expectRefused('unsupported-media-type', raw({ ...append(4, { 'content-type': 'application/json' }), body: '{}' })));
  it('an append without a content type → unsupported-media-type', () =>
    expectRefused(
      'unsupported-media-type',
      raw({ ...withHeader(append(4), 'content-type', undefined), body: pending.subarray(4, 6) }),
    ));
  it('an append without upload-offset → invalid-request', () =>
    expectRefused(
      'invalid-request',
      raw({ ...withHeader(append(4), 'upload-offset', undefined), body: pending.subarray(4, 6) }),
    ));
  it.each([
    ['getUpload', (d: MbsClient, id: string) => d.call('getUpload', { params: { uploadId: id } })],
    ['cancelUpload', (d: MbsClient, id: string) => d.call('cancelUpload', { params: { uploadId: id } })],
    ['append', (d: MbsClient, id: string) => d.append(id, 4, pending.subarray(4, 5))],
  ] as const)("%s of an unknown upload, or another device's → upload-not-found", async (_, action) => {
    await expectRefused(
      'upload-not-found',
      viaClient(() => action(fx.a, 'no-such-upload')),
    );
    await expectRefused(
      'upload-not-found',
      viaClient(() => action(fx.b, fx.uploadId)),
    );
  });
});
