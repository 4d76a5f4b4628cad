/**
 * Bad input: backups and restore. A commit naming items the server lacks, of a closed, unknown or foreign backup; a
 * malformed or unsatisfiable Range on a download; an unknown or foreign item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { RawCall } from '../../helpers/raw-http.js';
import { bytesOf, sha256 } from '../../helpers/test-server.js';
import {
  auth,
  expectRefused,
  fx,
  item,
  pending,
  raw,
  refusal,
  setUpFixture,
  tearDownFixture,
  viaClient,
} from './fixture.js';

beforeAll(setUpFixture);
afterAll(tearDownFixture);

describe('backups and restore', () => {
  /** Commits `backupId` from `device` (A unless told), naming the items in `present` and no 2FA accounts. */
  const commit = (backupId: string, present: string[], device: MbsClient = fx.a) =>
    viaClient(() => device.call('commitBackup', { params: { backupId }, body: { present, accounts: [] } }));

  it('a commit naming items never uploaded → snapshot-items-missing', async () => {
    const missing = sha256(bytesOf(7, 7));
    const error = await refusal('snapshot-items-missing', commit(fx.openBackup, [sha256(item), missing]));
    expect(error.details).toMatchObject({ missing: [missing], count: 1 });
  });
  it('a commit naming an upload that is not finished → snapshot-items-missing', () =>
    expectRefused('snapshot-items-missing', commit(fx.openBackup, [sha256(pending)])));
  it('a commit of an already committed backup → backup-closed', () =>
    expectRefused('backup-closed', commit(fx.closedBackup, [sha256(item)])));
  it("a commit of an unknown backup, or another device's → backup-not-found", async () => {
    await expectRefused('backup-not-found', commit('nope', []));
    await expectRefused('backup-not-found', commit(fx.openBackup, [], fx.b));
  });

  const download = (range: string, device: MbsClient = fx.a, sha = sha256(item)): RawCall => ({
    method: 'GET',
    path: `/v1/items/${sha}/content`,
    headers: { ...auth(device), range },
  });
  it.each(['bytes=abc', 'bytes=', 'chars=0-', 'bytes=--1', 'bytes=1-0-', 'bytes = 5'])(
    'a malformed Range header %j → range-not-satisfiable',
    (range) => expectRefused('range-not-satisfiable', raw(download(range))),
  );
  it.each([100, 101, 999_999_999_999_999])(
    'a Range starting at %i of a 100-byte item → range-not-satisfiable',
    (start) => expectRefused('range-not-satisfiable', raw(download(`bytes=${start}-`))),
  );
  it("an unknown item, or another device's → item-not-found", async () => {
    await expectRefused(
      'item-not-found',
      viaClient(() => fx.a.call('getItem', { params: { sha256: sha256(pending) } })),
    );
    await expectRefused(
      'item-not-found',
      viaClient(() => fx.b.call('getItem', { params: { sha256: sha256(item) } })),
    );
    await expectRefused(
      'item-not-found',
      viaClient(() => fx.b.download(sha256(item))),
    );
    await expectRefused(
      'item-not-found',
      viaClient(() => fx.a.call('archiveItems', { body: { items: [sha256(item), sha256(pending)] } })),
    );
  });
});
