/**
 * The server's storage layout (seed 000 §7.1, §10.2, §1.2), read from the data directory of a server the runner
 * controls, as a property over device names, platforms, jobs, duplicates and unfinished uploads: each device gets
 * `<data>/<name>/<registration ms>`, each job a `blocks/<yyyy-mm-dd-hh-mm-ss>` folder of its start time holding one
 * `<hex sequence>.<EXT>` file per item it stored, byte-identical; duplicates and unfinished uploads add no file; a
 * replacement device keeps writing into the original's folder. One job and its folder are checked in
 * layout-job.ts; here the scenario, the device's folder across its jobs, the migration and the check.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import type { Item } from '../../spec/protocol/resources.js';
import type { Static } from 'typebox';
import type { TargetSession } from '../../targets/target.js';
import {
  brief,
  bytesOf,
  migrateDevice,
  metaOf,
  pairDevice,
  removeQuietly,
  sha256,
  withClock,
} from '../../kit/server-support.js';
import { backUp, FILE_NAME, filesUnder, job } from './layout-job.js';
import { where } from '../../kit/applies.js';

const deviceName = fc.oneof(
  fc.constantFrom('iPhone6s', 'Redmi Note 8', 'ASUS_X00ID', 'Téléphone de Zoé', '山田のiPhone', "Anna's S10"),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _'()-]{0,30}[A-Za-z0-9]$/),
);
const scenario = fc.record({
  name: deviceName,
  ios: fc.boolean(),
  jobs: fc.array(job, { minLength: 1, maxLength: 3 }),
  migrate: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

async function verifyLayout(session: TargetSession, dataDir: string, s: Scenario, paired: string[]): Promise<void> {
  const device = await pairDevice(session, s.name, s.ios ? 'ios' : 'android');
  paired.push(device.deviceId);
  const [folderName, stamp] = device.backupPath.split('/');
  if (
    folderName !== device.name ||
    !/^\d{13}$/.test(stamp ?? '') ||
    Math.abs(Number(stamp) - device.registeredAt) > 5
  ) {
    throw new Error(
      `device "${device.name}" registered at ${device.registeredAt} got backup path ${device.backupPath}`,
    );
  }
  if (
    !(await isDirectory(path.join(dataDir, device.name))) ||
    !(await isDirectory(path.join(dataDir, device.backupPath)))
  ) {
    throw new Error(`pairing "${device.name}" made no folder ${device.backupPath} directly under the data folder`);
  }
  const held = new Map<string, Static<typeof Item>>();
  const folders = new Set<string>();
  await withClock(session.clock, async (advance) => {
    for (const [n, spec] of s.jobs.entries()) {
      if (spec.gapSeconds > 0) await advance(spec.gapSeconds * 1000);
      await backUp(dataDir, device.client, device.backupPath, spec, n, held, folders);
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
  const answer = await migrateDevice(session, original.deviceId, 'Replacement');
  const replacement = answer.client;
  paired.push(answer.deviceId);
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
  id: 'storage-layout',
  title: 'Files land in <data>/<device>/<registration ms>/blocks/<job start>/0/<hex>.<EXT>, byte-identical, once each',
  area: 'STO',
  requirements: ['STO-02', 'STO-03', 'STO-04', 'STO-05', 'STO-06', 'STO-08', 'STO-09', 'BAK-06', 'BAK-07', 'MIG-04'],
  scope: 'server',
  // It moves the server's clock between jobs: nothing may run beside it.
  exclusive: true,
  applies: where({ dataDir: true, console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const dataDir = session.dataDir as string;
    // Without the server's clock the jobs follow each other as fast as they run (gaps of the clock's moves need it).
    const scenarios = session.clock
      ? scenario
      : scenario.map((s) => ({ ...s, jobs: s.jobs.map((j) => ({ ...j, gapSeconds: 0 })) }));
    const property = fc.asyncProperty(scenarios, async (s) => {
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
