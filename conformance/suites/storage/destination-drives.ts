/**
 * The backup destination on another drive (seed 000 §1.2: "a Hard Drive, Flash Drive, and/or Network Drive"): a
 * server like the target's is started with its destination on one file system of this machine; a device pairs
 * and backs up there; then the destination is moved, as a person moves a folder, to another file system (a copy,
 * since a rename cannot cross file systems) and a server started on it still knows the device, lists and restores
 * its items and stores a new backup there, on that file system: the destination it was started on, not the folder
 * it came from (STO-08). Where the machine can mount a FAT image through FUSE (fat-volume.ts), a device also backs
 * up onto that FAT volume, as onto a flash drive, and a server started there again holds it all. Every name written
 * on any drive must be one a FAT flash drive takes (fat-names.ts). What the machine cannot stand for is said beside
 * the pass: a FAT volume where none can be mounted (or the names its driver refuses), and a network drive.
 */
import { existsSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APPLIES, didNotRun, type Check, type CheckContext } from '../../kit/check.js';
import { where } from '../../kit/applies.js';
import { checkOnce } from '../../kit/property.js';
import { bytesOf, identity, metaOf, sha256 } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import { startWhenRangeFrees } from '../../targets/range-held.js';
import type { OwnServer, TargetSession } from '../../targets/target.js';
import { listAllItems } from '../../../simulators/mbs-client/listing-pages.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { fatProblemsUnder } from './fat-names.js';
import { fatVolumeLack, fatVolumeOrLack } from './fat-volume.js';

/** Where this machine has file systems of its own: its temporary folder's disk and its RAM disk. */
const CANDIDATES = [tmpdir(), '/dev/shm'];

interface Drive {
  readonly root: string;
  readonly device: number;
  /** How messages name it: its folder, or what it stands for. */
  readonly name: string;
}

const driveAt = (root: string, name = root): Drive => ({ root, device: statSync(root).dev, name });

/** The candidates on distinct file systems (by device id), first found first. */
function drives(): Drive[] {
  const found: Drive[] = [];
  for (const root of CANDIDATES) {
    if (!existsSync(root)) continue;
    const drive = driveAt(root);
    if (!found.some((d) => d.device === drive.device)) found.push(drive);
  }
  return found;
}

const FAT_NAMES_ONLY = 'only the names the server writes are checked against FAT’s rules';

/**
 * What this check cannot stand for on this machine: shown beside its pass, never as passed. `fatUnjudged` says why
 * the FAT volume judged nothing (none mounted, or the server failed on it), when it did not.
 */
function notReachable(fatUnjudged: string | undefined): Record<string, string> {
  return {
    ...(fatUnjudged
      ? { 'a FAT flash drive': `${fatUnjudged}; ${FAT_NAMES_ONLY}` }
      : {
          'names beyond ASCII on a FAT drive': `the FAT volume here is mounted by fusefat, which takes ASCII names only: the device there has a plain name; ${FAT_NAMES_ONLY}`,
        }),
    'a network drive':
      'the kit has no network file system to put the destination on: no NFS or SMB server, no network mount',
  };
}

async function onDrive(drive: Drive, what: string): Promise<string> {
  return mkdtemp(path.join(drive.root, `mbsc-drive-${what}-`));
}

async function expectFatNames(root: string, drive: string): Promise<void> {
  const problems = await fatProblemsUnder(root);
  if (problems.length > 0) {
    throw new Violation(['STO-10'], `on ${drive}, names a FAT flash drive refuses: ${problems.slice(0, 3).join('; ')}`);
  }
}

/** The stored file of an item: there, byte-identical, and on the drive the destination is on. */
async function expectStored(root: string, drive: Drive, backupPath: string, storedAs: string, bytes: Buffer) {
  const file = path.join(root, backupPath, storedAs);
  const onDisk = await readFile(file).catch(() => undefined);
  // Missing from the folder the server was started on is STO-08's: the backup went to another destination.
  if (!onDisk) {
    throw new Violation(
      ['STO-08'],
      `${backupPath}/${storedAs} is missing from the destination ${root} on ${drive.name}`,
    );
  }
  if (!onDisk.equals(bytes))
    throw new Violation(['STO-10'], `${backupPath}/${storedAs} is not the item on ${drive.name}`);
  if ((await stat(file)).dev !== drive.device) {
    throw new Violation(['STO-10'], `${backupPath}/${storedAs} is not on the destination's drive (${drive.name})`);
  }
}

async function backUpOne(device: MbsClient, n: number): Promise<{ storedAs: string; bytes: Buffer }> {
  const backup = await device.call('startBackup', { body: {} });
  const bytes = bytesOf(7_000 + n, 900 + n);
  const item = await device.uploadItem(backup.backupId, bytes, metaOf('photo', `DRIVE_${n}`), sha256(bytes));
  await device.call('commitBackup', {
    params: { backupId: backup.backupId },
    body: { present: [item.sha256], accounts: [] },
  });
  return { storedAs: item.storedAs, bytes };
}

async function withServer<T>(session: TargetSession, dir: string, body: (own: OwnServer) => Promise<T>): Promise<T> {
  const start = session.startOwnServerOn!;
  const own = await startWhenRangeFrees(() => start(dir));
  try {
    return await body(own);
  } finally {
    await own.close();
  }
}

interface Paired {
  readonly deviceId: string;
  readonly deviceKey: string;
  readonly backupPath: string;
  /** Every item backed up so far, on whichever drive: each move must keep them all. */
  readonly kept: { storedAs: string; bytes: Buffer }[];
}

/** A device named `name` pairs with a server whose destination is `dir`, on `drive`, and backs up two items there. */
async function pairOn(session: TargetSession, dir: string, drive: Drive, name: string): Promise<Paired> {
  const paired = await withServer(session, dir, async (own) => {
    const pairing = await own.console.call('createPairing', { body: { mode: 'add' } });
    const client = new MbsClient({ baseUrl: own.url });
    const answer = await client.call('pair', {
      body: { token: pairing.token, edition: session.edition, device: identity(name, 'android') },
    });
    client.deviceKey = answer.deviceKey;
    const kept = [await backUpOne(client, 1), await backUpOne(client, 2)];
    for (const k of kept) await expectStored(dir, drive, answer.backupPath, k.storedAs, k.bytes);
    return { deviceId: answer.deviceId, deviceKey: answer.deviceKey, backupPath: answer.backupPath, kept };
  });
  await expectFatNames(dir, drive.name);
  return paired;
}

/**
 * A server started again on `dir` (on `drive`), `after` what happened to it: it must still know the device, list and
 * restore every item, and store a new backup on that drive.
 */
async function reopenOn(session: TargetSession, paired: Paired, dir: string, drive: Drive, after: string) {
  await withServer(session, dir, async (own) => {
    const client = new MbsClient({ baseUrl: own.url, deviceKey: paired.deviceKey });
    const self = await client.call('getSelf').catch((error: unknown) => {
      throw new Violation(['STO-10'], `${after}, the server lost the device: ${String(error)}`);
    });
    if (self.deviceId !== paired.deviceId)
      throw new Violation(['STO-10'], `${after}, the destination answers for ${self.deviceId}`);
    const listed = new Set((await listAllItems(client)).map((i) => i.sha256));
    for (const k of paired.kept) {
      if (!listed.has(sha256(k.bytes)) || !(await client.download(sha256(k.bytes))).equals(k.bytes)) {
        throw new Violation(['STO-10'], `${after}, ${k.storedAs} is not listed or not restored whole`);
      }
    }
    const added = await backUpOne(client, paired.kept.length + 1);
    await expectStored(dir, drive, paired.backupPath, added.storedAs, added.bytes);
    paired.kept.push(added);
  });
  await expectFatNames(dir, drive.name);
}

/** The person's move: the folder copied to the other drive with its files' times, then removed where it was. */
async function verifyMove(context: CheckContext, first: Drive, second: Drive, dirs: string[]): Promise<void> {
  const from = await onDrive(first, 'from');
  dirs.push(from);
  const paired = await pairOn(context.session, from, first, `Zoé's Pixel ${context.content.tag()}`);
  const to = await onDrive(second, 'to');
  dirs.push(to);
  await cp(from, to, { recursive: true, preserveTimestamps: true, force: true });
  await rm(from, { recursive: true, force: true });
  await reopenOn(context.session, paired, to, second, `after its destination moved to ${second.name}`);
}

/**
 * The destination on a FAT volume, mounted for this once the move has passed, as on a flash drive: a device pairs
 * and backs up there, then a server started again on it (the drive plugged in again) still holds everything. The
 * device's name is plain ASCII: the FAT driver this machine has (fusefat) takes no other letters, which a FAT flash
 * drive otherwise does. A pass there is evidence; a failure is not judged, since fusefat also lacks what a FAT drive
 * has (shared memory maps), so it says why instead, as it does when no volume mounts. The folder made there goes
 * with the volume's image.
 */
async function fatUnjudged(context: CheckContext): Promise<string | undefined> {
  const { volume, lack } = await fatVolumeOrLack();
  if (!volume) return lack;
  const fat = driveAt(volume.root, `a FAT volume at ${volume.root}`);
  try {
    const dir = await onDrive(fat, 'fat');
    const paired = await pairOn(context.session, dir, fat, `Zoe's Pixel ${context.content.tag()}`);
    await reopenOn(context.session, paired, dir, fat, `after a server started again on ${fat.name}`);
    return undefined;
  } catch (error) {
    const what = error instanceof Error ? error.message : String(error);
    return `on a FAT volume mounted by fusefat, which maps no shared memory and takes ASCII names only, the server failed (${what}): not judged, since a FAT drive mounted by the kernel has both`;
  } finally {
    await volume.unmount();
  }
}

export const storageDestinationDrivesCheck: Check = {
  id: 'storage-destination-drives',
  title: 'The backup destination on another drive, moved between drives, with names a FAT flash drive takes',
  area: 'STO',
  requirements: ['STO-08', 'STO-10'],
  scope: 'server',
  applies: where({
    console: true,
    also: (_column, session) => {
      if (!session.startOwnServerOn) {
        return {
          applies: false,
          untested: true,
          reason:
            'starts a server like the target on a destination it chooses: the reference target can, a running server with --own-server COMMAND that has {data}',
        };
      }
      if (drives().length < 2) {
        return {
          applies: false,
          untested: true,
          reason: `this machine has one file system among ${CANDIDATES.join(', ')}`,
        };
      }
      return APPLIES;
    },
  }),
  async run(context: CheckContext) {
    const [first, second] = drives() as [Drive, Drive];
    const dirs: string[] = [];
    try {
      const outcome = await checkOnce(() => verifyMove(context, first, second, dirs));
      if (didNotRun(outcome)) return outcome;
      const unjudged =
        outcome.verdict === 'pass'
          ? await fatUnjudged(context)
          : (fatVolumeLack() ?? 'not reached: the move between drives failed first');
      return { ...outcome, notReachable: notReachable(unjudged) };
    } finally {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  },
};
