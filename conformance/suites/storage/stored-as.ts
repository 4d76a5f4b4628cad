/**
 * PROTOCOL.md "Storage layout", through the protocol alone (no data directory): a device's `backupPath` is
 * `<name>/<registeredAt>`; every confirmed item's `storedAs` is `blocks/<its job's folder>/0/<sequence>.<EXT>`, the
 * sequence lower-case hex of at least six digits, starting at 000001 and taking the next number per confirmed item
 * across jobs (a duplicate, or an upload discarded for bytes that do not match its digest, takes none), `<EXT>` what follows the last dot of a name that has others (SEQ.7_0.jpg is
 * .JPG); jobs started back to back get distinct folders in start order; an upload
 * begun in one job and finished from a later one, after the first was committed, is stored in the first job's
 * folder (PROTOCOL.md "Backup": an upload belongs to the job whose announcement created it); and after a migration
 * the replacement keeps the folder and continues the sequence, with a `registeredAt` of its own.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { Violation } from '../../kit/violation.js';
import {
  bytesOf,
  metaOf,
  migrateDevice,
  pairDevice,
  refused,
  removeQuietly,
  sha256,
} from '../../kit/server-support.js';
import { ITEM_KINDS } from '../../spec/file-types.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';

const STORED_AS = /^blocks\/(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})\/0\/([0-9a-f]{6,})\.([A-Z0-9]+)$/;
/** Enough items that a decimal sequence would part from a hexadecimal one (10 is 00000a). */
const ITEMS_PER_JOB = 6;

interface Stored {
  readonly folder: string;
  readonly sequence: number;
}

function parse(storedAs: string, name: string, folder: string): Stored {
  const match = STORED_AS.exec(storedAs);
  const ext = (name.split('.').at(-1) ?? '').toUpperCase();
  if (!match || match[1] !== folder || match[3] !== ext) {
    throw new Violation(['STO-03', 'STO-05'], `${name} of the job in blocks/${folder} is stored as ${storedAs}`);
  }
  return { folder, sequence: parseInt(match[2] as string, 16) };
}

async function backUpJob(client: MbsClient, seed: number, count: number, folders: string[]): Promise<Stored[]> {
  const backup = await client.call('startBackup', { body: {} });
  folders.push(backup.folder);
  const stored: Stored[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = bytesOf(seed + i, 64 + i);
    // A dot in the name before its extension's, as in IMG.20210419.jpg: the extension follows the last one.
    const meta = metaOf(ITEM_KINDS[i % ITEM_KINDS.length] ?? 'photo', `SEQ.${seed}_${i}`, i);
    const item = await client.uploadItem(backup.backupId, bytes, meta, sha256(bytes));
    stored.push(parse(item.storedAs, meta.name, backup.folder));
    // The same bytes again: held already, so no second file and no sequence number.
    if (i === 0) await client.uploadItem(backup.backupId, bytes, meta, sha256(bytes));
    if (i === 1) await discardedUpload(client, backup.backupId, seed);
  }
  await client.call('commitBackup', { params: { backupId: backup.backupId }, body: { present: [], accounts: [] } });
  return stored;
}

/** An upload whose bytes do not hash to the digest it announced: discarded, so it takes no sequence number. */
async function discardedUpload(client: MbsClient, backupId: string, seed: number): Promise<void> {
  // Sizes apart from the job's items (64 bytes and up by one), so neither the bytes nor the digest are held.
  const [announced, sent] = [bytesOf(seed, 90), bytesOf(seed + 1, 90)];
  const meta = metaOf('photo', `DISCARDED_${seed}`);
  const body = { backupId, sha256: sha256(announced), size: announced.length, meta };
  const created = await client.call('createUpload', { body });
  if (created.status !== 'created') throw new Error(`announcing new bytes answered ${created.status}, not created`);
  await refused(
    client.append(created.upload.uploadId, 0, sent),
    ['upload-checksum-mismatch'],
    'completing an upload with bytes that do not match its digest',
  );
}

/** An upload begun in one job and finished, after that job was committed, from the announcement of a later job. */
async function finishedInLaterJob(client: MbsClient, seed: number): Promise<Stored> {
  const bytes = bytesOf(seed, 300);
  const [sha, size] = [sha256(bytes), bytes.length];
  const meta = metaOf('photo', `LATE_${seed}`, 0);
  const early = await client.call('startBackup', { body: {} });
  const begun = await client.call('createUpload', { body: { backupId: early.backupId, sha256: sha, size, meta } });
  if (begun.status !== 'created') throw new Error(`announcing new bytes answered ${begun.status}, not created`);
  await client.append(begun.upload.uploadId, 0, bytes.subarray(0, 100));
  await client.call('commitBackup', { params: { backupId: early.backupId }, body: { present: [], accounts: [] } });
  const later = await client.call('startBackup', { body: {} });
  const resumed = await client.call('createUpload', { body: { backupId: later.backupId, sha256: sha, size, meta } });
  if (resumed.status !== 'resumed') {
    throw new Violation(['STO-04'], `an unfinished upload announced again answered ${resumed.status}, not resumed`);
  }
  const { offset } = resumed.upload;
  const done = await client.append(resumed.upload.uploadId, offset, bytes.subarray(offset));
  await client.call('commitBackup', { params: { backupId: later.backupId }, body: { present: [], accounts: [] } });
  const storedAs = done.complete ? done.item.storedAs : '(not confirmed)';
  if (STORED_AS.exec(storedAs)?.[1] !== early.folder) {
    throw new Violation(
      ['STO-04'],
      `an upload begun in the job of blocks/${early.folder} and finished from the later job of ` +
        `blocks/${later.folder} is stored as ${storedAs}, not in the first job's folder`,
    );
  }
  return parse(storedAs, meta.name, early.folder);
}

function expectSequence(stored: readonly Stored[], from: number, what: string): void {
  const got = stored.map((s) => s.sequence);
  const wanted = got.map((_, i) => from + i);
  if (got.join() !== wanted.join()) {
    throw new Violation(['STO-05'], `${what}: sequence numbers ${got.join(', ')}, expected ${wanted.join(', ')}`);
  }
}

export const storedAsCheck: Check = {
  id: 'storage-stored-as',
  title: 'storedAs is blocks/<job folder>/0/<hex sequence from 000001>.<EXT>, one sequence per device folder',
  area: 'STO',
  requirements: ['STO-03', 'STO-04', 'STO-05', 'MIG-04'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const paired: string[] = [];
    try {
      return await checkOnce(async () => {
        const device = await pairDevice(session, 'Sequence probe');
        paired.push(device.deviceId);
        if (device.backupPath !== `${device.name}/${device.registeredAt}`) {
          throw new Violation(['STO-03'], `registered at ${device.registeredAt}, backup path ${device.backupPath}`);
        }
        const folders: string[] = [];
        const first = await backUpJob(device.client, context.seed, ITEMS_PER_JOB, folders);
        const second = await backUpJob(device.client, context.seed + 100, ITEMS_PER_JOB, folders);
        const late = await finishedInLaterJob(device.client, context.seed + 50);
        expectSequence([...first, ...second, late], 1, 'two jobs of a new device, then an upload finished later');
        if (!(folders[0] && folders[1] && folders[0] < folders[1])) {
          throw new Violation(['STO-04'], `jobs started one after the other write to ${folders.join(' and ')}`);
        }
        const answer = await migrateDevice(session, device.deviceId, 'Sequence heir', 'ios');
        const replacement = answer.client;
        paired.push(answer.deviceId);
        // The path only: registeredAt is the replacement's own, and need not come after the original's, whose
        // number a server may have moved on past a folder of an earlier device of the same name (PROTOCOL.md's
        // Pairing leaves that to it), as the reference does when a frozen clock pairs both in one millisecond.
        if (answer.backupPath !== device.backupPath) {
          throw new Violation(['MIG-04'], `the replacement got ${answer.backupPath}, not ${device.backupPath}`);
        }
        const third = await backUpJob(replacement, context.seed + 200, 2, folders);
        expectSequence(third, 2 * ITEMS_PER_JOB + 2, 'the replacement after a migration');
      });
    } finally {
      await removeQuietly(session, paired);
    }
  },
};
