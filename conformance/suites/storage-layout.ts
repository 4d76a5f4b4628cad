/**
 * The server's storage layout (seed 000 §7.1, §10.2, §1.2), read from the data directory of a server the runner
 * controls, as a property over device names, platforms, jobs, duplicates and unfinished uploads: each device gets
 * `<data>/<name>/<registration ms>`, each job a `blocks/<yyyy-mm-dd-hh-mm-ss>` folder of its start time holding one
 * `<hex sequence>.<EXT>` file per item it stored, byte-identical; duplicates and unfinished uploads add no file; a
 * replacement device keeps writing into the original's folder.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty } from '../framework/property.js';
import { ITEM_KINDS } from '../spec/file-types.js';
import type { Item } from '../spec/protocol/resources.js';
import type { Static } from 'typebox';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../targets/target.js';
import {
  brief,
  bytesOf,
  clockOf,
  consoleOf,
  identity,
  metaOf,
  NO_CONSOLE_REASON,
  pairDevice,
  removeQuietly,
  sha256,
  withClock,
} from './server-support.js';

const deviceName = fc.oneof(
  fc.constantFrom('iPhone6s', 'Redmi Note 8', 'ASUS_X00ID', 'Téléphone de Zoé', '山田のiPhone', "Anna's S10"),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _'()-]{0,30}[A-Za-z0-9]$/),
);
const job = fc.record({
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
const scenario = fc.record({
  name: deviceName,
  ios: fc.boolean(),
  jobs: fc.array(job, { minLength: 1, maxLength: 3 }),
  migrate: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

/** The blocks folder name of a time, in the server machine's local time (the seed's listing is local time). */
export function localStamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}-${two(d.getMinutes())}-${two(d.getSeconds())}`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

const FILE_NAME = /^([0-9a-f]{6,})\.([A-Z0-9]+)$/;

/** One job: its folder, its items, and the files it must have written. */
async function backUp(
  dataDir: string,
  client: MbsClient,
  backupPath: string,
  spec: Scenario['jobs'][number],
  n: number,
  held: Map<string, Static<typeof Item>>,
): Promise<void> {
  const backup = await client.call('startBackup', { body: {} });
  const stamps = Array.from({ length: 6 }, (_, k) => localStamp(backup.startedAt + k * 1000));
  if (!stamps.includes(backup.folder)) {
    throw new Error(`job started at ${localStamp(backup.startedAt)} (local) writes to blocks/${backup.folder}`);
  }
  const stored: Static<typeof Item>[] = [];
  for (const [i, item] of spec.items.entries()) {
    const bytes = bytesOf(item.seed * 31 + n * 7 + i, item.size);
    const meta = metaOf(item.kind, `IMG_${n}_${i}`, item.variant);
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
  if (files.length !== counted || files.length !== stored.length) {
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
    if (!onDisk || sha256(onDisk) !== item.sha256) {
      throw new Error(`${backupPath}/${item.storedAs} is ${onDisk ? 'not byte-identical to the item' : 'missing'}`);
    }
  }
}

async function verifyLayout(session: TargetSession, dataDir: string, s: Scenario, paired: string[]): Promise<void> {
  const device = await pairDevice(session, s.name, s.ios ? 'ios' : 'android');
  paired.push(device.deviceId);
  const [folderName, stamp] = device.backupPath.split('/');
  if (folderName !== s.name || !/^\d{13}$/.test(stamp ?? '') || Math.abs(Number(stamp) - device.registeredAt) > 5) {
    throw new Error(`device "${s.name}" registered at ${device.registeredAt} got backup path ${device.backupPath}`);
  }
  if (!(await isDirectory(path.join(dataDir, s.name))) || !(await isDirectory(path.join(dataDir, device.backupPath)))) {
    throw new Error(`pairing "${s.name}" made no folder ${device.backupPath} directly under the data folder`);
  }
  const held = new Map<string, Static<typeof Item>>();
  await withClock(clockOf(session), async (advance) => {
    for (const [n, spec] of s.jobs.entries()) {
      if (spec.gapSeconds > 0) advance(spec.gapSeconds * 1000);
      await backUp(dataDir, device.client, device.backupPath, spec, n, held);
    }
  });
  const tree = (await filesUnder(path.join(dataDir, device.backupPath, 'blocks'))).map((f) => `blocks/${f}`).sort();
  const wanted = [...held.values()].map((i) => i.storedAs).sort();
  if (JSON.stringify(tree) !== JSON.stringify(wanted)) {
    throw new Error(`the blocks folders hold [${tree.join(', ')}]; the confirmed items are [${wanted.join(', ')}]`);
  }
  const sequences = tree.map((f) => FILE_NAME.exec(f.split('/').at(-1) ?? '')?.[1]);
  if (new Set(sequences).size !== sequences.length) throw new Error(`sequence numbers repeat: ${brief(tree)}`);
  if (s.migrate) await verifyMigratedFolder(session, dataDir, device, paired);
}

/** A replacement keeps backing up into the original's folder (MIG-04). */
async function verifyMigratedFolder(
  session: TargetSession,
  dataDir: string,
  original: { deviceId: string; backupPath: string },
  paired: string[],
): Promise<void> {
  const pairing = await consoleOf(session).call('createPairing', {
    body: { mode: 'migrate', originalDeviceId: original.deviceId },
  });
  const replacement = new MbsClient({ baseUrl: session.url });
  const answer = await replacement.call('pair', {
    body: { token: pairing.token, edition: session.edition, device: identity('Replacement', 'android') },
  });
  paired.push(answer.deviceId);
  replacement.deviceKey = answer.deviceKey;
  const backup = await replacement.call('startBackup', { body: {} });
  const bytes = bytesOf(424_242, 333);
  const item = await replacement.uploadItem(backup.backupId, bytes, metaOf('video', 'AFTER_MIGRATION'), sha256(bytes));
  const onDisk = await readFile(path.join(dataDir, original.backupPath, item.storedAs)).catch(() => undefined);
  if (answer.backupPath !== original.backupPath || !onDisk?.equals(bytes)) {
    throw new Error(
      `after migration the replacement writes ${answer.backupPath}/${item.storedAs}, not into ${original.backupPath}`,
    );
  }
}

export const storageLayoutCheck: Check = {
  id: 'server-storage-layout',
  title: 'Files land in <data>/<device>/<registration ms>/blocks/<job start>/0/<hex>.<EXT>, byte-identical, once each',
  area: 'STO',
  requirements: ['STO-02', 'STO-03', 'STO-04', 'STO-05', 'STO-06', 'STO-08', 'BAK-06', 'BAK-07', 'MIG-04'],
  scope: 'server',
  // It moves the server's clock between jobs: nothing may run beside it.
  exclusive: true,
  applies(_column, session) {
    if (!session.dataDir) {
      return {
        applies: false,
        reason: 'needs the server’s data directory, which only a server the kit starts exposes',
      };
    }
    return session.console ? { applies: true } : { applies: false, reason: NO_CONSOLE_REASON };
  },
  async run(context: CheckContext) {
    const { session } = context;
    const dataDir = session.dataDir as string;
    const property = fc.asyncProperty(scenario, async (s) => {
      const paired: string[] = [];
      try {
        await verifyLayout(session, dataDir, s, paired);
      } finally {
        await removeQuietly(session, paired);
      }
    });
    // Each case runs whole jobs and reads the disk back: a fifth of the runs is plenty of evidence.
    return checkProperty(property, context, Math.max(1, Math.ceil(context.runs / 5)));
  },
};
