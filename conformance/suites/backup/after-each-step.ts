/**
 * What the backup, resume and integrity commands check after every step, against the model: the open job and why
 * it holds, the wire, the items the server holds with their tabs and bytes, and once a job finishes its counts,
 * its result line and its one blocks folder. Whatever the adapter cannot see is left out.
 */
import type { ItemKind } from '../../spec/file-types.js';
import { holdReasonsOf, resultLine, type BackupModel } from './model.js';
import type { BackupApp, JobSeen, ListedItem } from './port.js';
import { expectEqual, expectTrue, sorted } from '../../kit/check-oracles.js';

export async function verify(m: BackupModel, app: BackupApp): Promise<void> {
  const job = await app.job();
  if (m.open) {
    expectEqual([m.open === 'stopped' ? 'BAK-02' : 'BAK-03'], 'the open job', job?.state, m.open);
    if (m.open === 'held') expectEqual(['BAK-03'], 'why the job holds', job?.holdReasons, holdReasonsOf(m));
  } else if (job) {
    expectEqual(['BAK-01'], 'the last job', job.state, 'completed');
  }
  if (app.wire) {
    const { twice, wired, counted } = app.wire();
    expectTrue(['BAK-02', 'BAK-07'], twice === undefined, `a byte went twice: ${twice}`);
    expectEqual(['BAK-02'], 'bytes the jobs say they sent, against the bytes on the wire', counted, wired);
  }

  const items = await app.serverItems();
  expectEqual(
    ['BAK-08', 'BAK-07'],
    'items the server holds',
    sorted(items.map((i) => i.sha256)),
    sorted(m.held.keys()),
  );
  for (const item of items) {
    const held = m.held.get(item.sha256)!;
    const tabRule = held.tab === 'recent' ? 'RFE-06' : 'RFE-08';
    expectEqual([tabRule], `the tab of ${item.name}`, item.tab, held.tab);
    if (!app.sameBytes || m.compared.has(item.sha256)) continue;
    const same = await app.sameBytes(item, held);
    expectTrue(['BAK-08'], same, `the server's copy of ${item.name} is not byte-identical`);
    m.compared.add(item.sha256);
  }
  if (m.justCompleted && job) await verifyFinishedJob(m, app, job, items);
}

async function verifyFinishedJob(m: BackupModel, app: BackupApp, job: JobSeen, items: ListedItem[]) {
  const count = (kind: ItemKind) => [...m.jobStored.values()].filter((k) => k === kind).length;
  const expected = {
    photos: count('photo'),
    videos: count('video'),
    files: count('document'),
    twoFactorAccounts: m.accounts,
  };
  if (job.counts !== undefined) {
    expectEqual(['BAK-06', 'BAK-07'], 'the counts of the finished job', job.counts, expected);
  }
  const line = await app.resultLine();
  const rule = m.platform === 'android' ? 'BAK-04' : 'BAK-05';
  expectEqual([rule], 'the result line', line, `Backup completed: ${resultLine(m)}`);
  if (m.jobStored.size === 0 || !app.filesOnDisk) return;
  const folderOf = (storedAs: string) => storedAs.split('/').slice(0, 2).join('/');
  const folders = new Set(items.filter((i) => m.jobStored.has(i.sha256)).map((i) => folderOf(i.storedAs ?? '')));
  expectEqual(['BAK-06'], "the job's blocks folders", folders.size, 1);
  const folder = [...folders][0]!;
  const inFolder = items.filter((i) => folderOf(i.storedAs ?? '') === folder).map((i) => i.sha256);
  expectEqual(['BAK-06'], `items in ${folder}`, sorted(inFolder), sorted(m.jobStored.keys()));
  const files = await app.filesOnDisk(folder);
  if (files === undefined) return;
  expectEqual(['BAK-06'], `files in ${folder}/0 on disk`, files, m.jobStored.size);
}
