/**
 * One backup job of the storage layout check (layout.ts): what a job does (its items, a repeated one, an
 * unfinished upload, the clock's gap before it), and running it against the server, then reading its folder back:
 * `blocks/<yyyy-mm-dd-hh-mm-ss>` of its start time, holding one `<hex sequence>.<EXT>` file per item it stored,
 * byte-identical and dated by the item's own modification time, and nothing for a duplicate or an unfinished upload.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { ITEM_KINDS } from '../../spec/file-types.js';
import type { Item } from '../../spec/protocol/resources.js';
import type { Static } from 'typebox';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { bytesOf, metaOf, sha256 } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';

export const job = fc.record({
  items: fc.array(
    fc.record({
      kind: fc.constantFrom(...ITEM_KINDS),
      size: fc.integer({ min: 1, max: 2000 }),
      seed: fc.nat(),
      variant: fc.nat(),
    }),
    { maxLength: 3 },
  ),
  /** Announce again the first item of the earlier jobs: a duplicate, which must not be stored twice. */
  repeat: fc.boolean(),
  partial: fc.boolean(),
  gapSeconds: fc.integer({ min: 0, max: 3 }),
});
export type Job = typeof job extends fc.Arbitrary<infer J> ? J : never;

/** The blocks folder name of a time, in the server machine's local time (the seed's listing is local time). */
export function localStamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}-${two(d.getMinutes())}-${two(d.getSeconds())}`;
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

const APRIL_2021 = Date.UTC(2021, 3, 19, 12, 10);

export const FILE_NAME = /^([0-9a-f]{6,})\.([A-Z0-9]+)$/;

/** One job: its folder, its items, and the files it must have written. */
export async function backUp(
  dataDir: string,
  client: MbsClient,
  backupPath: string,
  spec: Job,
  n: number,
  held: Map<string, Static<typeof Item>>,
  folders: Set<string>,
): Promise<void> {
  const backup = await client.call('startBackup', { body: {} });
  // Its start second, or the next second that none of the device's earlier jobs has (PROTOCOL.md "Backup").
  const seconds = Array.from({ length: folders.size + 1 }, (_, k) => localStamp(backup.startedAt + k * 1000));
  const wanted = seconds.find((s) => !folders.has(s));
  if (backup.folder !== wanted) {
    throw new Violation(
      ['STO-04'],
      `job started at ${localStamp(backup.startedAt)} (local) writes to blocks/${backup.folder}, not blocks/${wanted}`,
    );
  }
  folders.add(backup.folder);
  const stored: Static<typeof Item>[] = [];
  for (const [i, item] of spec.items.entries()) {
    const bytes = bytesOf(item.seed * 31 + n * 7 + i, item.size);
    // A time long before the job, as in the seed's listing (files of April in a job folder of July); within weeks of
    // it, since file systems cap their times (ext4 at 2446) and a date past the cap is no finding about the server.
    // Every other item has only its capture time (July 2021), which its file must then keep.
    const captured = metaOf(item.kind, `IMG_${n}_${i}`, item.variant);
    const meta =
      (n + i) % 2 === 1 ? captured : { ...captured, modifiedAt: APRIL_2021 + (item.variant % 50_000) * 61_000 };
    const answer = await client.uploadItem(backup.backupId, bytes, meta, sha256(bytes));
    if (!held.has(answer.sha256)) stored.push(answer);
    held.set(answer.sha256, answer);
  }
  const first = [...held.values()][0];
  if (spec.repeat && first) {
    const again = await client.call('createUpload', {
      body: { backupId: backup.backupId, sha256: first.sha256, size: first.size, meta: first.meta },
    });
    if (again.status !== 'duplicate') throw new Error(`an item already held was answered ${again.status}`);
  }
  if (spec.partial) {
    const bytes = bytesOf(9_999 + n, 500);
    const meta = metaOf('photo', `PARTIAL_${n}`);
    const created = await client.call('createUpload', {
      body: { backupId: backup.backupId, sha256: sha256(bytes), size: bytes.length, meta },
    });
    if (created.status !== 'duplicate')
      await client.append(created.upload.uploadId, created.upload.offset, bytes.subarray(0, 200));
  }
  const snapshot = await client.call('commitBackup', {
    params: { backupId: backup.backupId },
    body: { present: [...held.keys()], accounts: [] },
  });
  const folder = path.join(dataDir, backupPath, 'blocks', backup.folder, '0');
  const files = (await filesUnder(folder)).sort();
  const counted = snapshot.counts.photos + snapshot.counts.videos + snapshot.counts.files;
  if (counted !== stored.length) {
    throw new Violation(['BAK-06'], `job ${backup.folder} stored ${stored.length} items and counts ${counted}`);
  }
  if (files.length !== counted) {
    throw new Error(
      `job ${backup.folder} counts ${counted} and stored ${stored.length} items; its folder holds [${files.join(', ')}]`,
    );
  }
  for (const item of stored) {
    const file = item.storedAs.split('/').at(-1) ?? '';
    const ext = (item.meta.name.split('.').at(-1) ?? '').toUpperCase();
    if (item.storedAs !== `blocks/${backup.folder}/0/${file}` || FILE_NAME.exec(file)?.[2] !== ext) {
      throw new Error(`item ${item.meta.name} of job ${backup.folder} is stored as ${item.storedAs}`);
    }
    const onDisk = await readFile(path.join(dataDir, backupPath, item.storedAs)).catch(() => undefined);
    if (!onDisk) throw new Error(`${backupPath}/${item.storedAs} is missing`);
    if (sha256(onDisk) !== item.sha256) {
      // The file is there, its bytes are not the item's: stored converted, encrypted or cut (STO-06).
      throw new Violation(['STO-06'], `${backupPath}/${item.storedAs} is not byte-identical to the item`);
    }
    await expectItemTime(path.join(dataDir, backupPath, item.storedAs), item);
  }
}

/** STO-09: the stored file is dated by the item's modification time (else its capture), to the second. */
async function expectItemTime(file: string, item: Static<typeof Item>): Promise<void> {
  const wanted = item.meta.modifiedAt ?? item.meta.capturedAt;
  if (wanted === undefined) return;
  const { mtimeMs } = await stat(file);
  if (Math.abs(mtimeMs - wanted) >= 1000) {
    throw new Violation(
      ['STO-09'],
      `${path.basename(file)} of ${item.meta.name} is dated ${new Date(mtimeMs).toISOString()}, ` +
        `not its ${item.meta.modifiedAt === undefined ? 'capture' : 'modification'} time ${new Date(wanted).toISOString()}`,
    );
  }
}
