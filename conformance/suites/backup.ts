/**
 * Backup, resume and integrity (seed 000 §10), model-based: random sequences of new photos, videos, documents and
 * copies, deletions, taps on Backup that a Stop, a lost LAN or a low battery interrupts after the n-th append,
 * Stop on a held job, the LAN and the battery coming back, and new 2FA accounts. After every step: the job is
 * open exactly when the model says (and says why), no byte crossed the wire twice and the jobs' byte counters
 * agree, the server holds exactly the confirmed items in the right tab with their exact bytes, and a finished
 * job reports the items it stored, all in one blocks folder, with the platform's result line.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { ItemKind } from '../spec/file-types.js';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty, commandsOptions } from '../framework/property.js';
import { Violation } from '../framework/violation.js';
import type { BackupJob } from '../../simulators/app/backup-job.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import type { Platform } from '../../simulators/device/device-spec.js';
import { contentOf } from '../../simulators/device/media.js';
import {
  completeJob,
  holdReasonsOf,
  newBackupModel,
  pendingHashes,
  resultLine,
  settle,
  storeItem,
  type BackupModel,
} from './backup-model.js';
import {
  addMedia,
  CHUNK,
  deviceNeeds,
  expectEqual,
  expectTrue,
  newWorld,
  serverItems,
  sorted,
  wireSentNothingTwice,
  type World,
} from './device-support.js';

interface Real extends World {
  readonly jobs: Set<BackupJob>;
  readonly dataDir: string | undefined;
  backupPath?: string;
}

type Step = fc.AsyncCommand<BackupModel, Real>;

/** A command: what it does to the phone and the model, then a check of everything against the model. */
function step(
  label: string,
  check: (m: BackupModel) => boolean,
  run: (m: BackupModel, r: Real) => Promise<void>,
): Step {
  return {
    check,
    async run(m, r) {
      m.justCompleted = false;
      await run(m, r);
      settle(m);
      if (r.app.backupJob) {
        await r.app.backupJob.idle();
        r.jobs.add(r.app.backupJob);
      }
      await verify(m, r);
    },
    toString: () => label,
  };
}

const EXT: Record<ItemKind, string> = { photo: 'jpg', video: 'mp4', document: 'pdf' };
let serial = 0;

function addItem(kind: ItemKind, size: number): Step {
  return step(
    `add a ${kind} of ${size} B`,
    () => true,
    async (m, r) => {
      const name = `${kind.toUpperCase()}_${++serial}.${EXT[kind]}`;
      const item = addMedia(r.device, { name, size, ...(kind === 'document' ? { folder: 'Documents' } : {}) });
      const eligible = kind !== 'document' || m.platform === 'android';
      m.device.push({ ...entryOf(item), kind, eligible });
    },
  );
}

function entryOf(item: { id: string; name: string; contentSeed: number; size: number }) {
  return { id: item.id, name: item.name, sha256: hashOf(item), size: item.size, contentSeed: item.contentSeed };
}

function addCopy(pick: number): Step {
  return step(
    `add a copy of item ${pick} (modulo the items on the phone)`,
    (m) => m.device.length > 0,
    async (m, r) => {
      const original = m.device[pick % m.device.length]!;
      const name = `COPY_${++serial}_${original.name}`;
      const item = addMedia(r.device, { name, size: original.size, contentSeed: original.contentSeed });
      m.device.push({ ...entryOf(item), kind: original.kind, eligible: original.eligible });
    },
  );
}

function removeItem(pick: number): Step {
  return step(
    `delete item ${pick} (modulo the items on the phone)`,
    (m) => m.device.length > 0,
    async (m, r) => {
      const gone = m.device[pick % m.device.length]!;
      r.device.removeMedia(gone.id);
      m.device = m.device.filter((d) => d.id !== gone.id);
    },
  );
}

type Interrupt = { readonly after: number; readonly by: 'stop' | 'lan' | 'battery' };

function backup(interrupt: Interrupt | undefined): Step {
  const how = interrupt
    ? `, ${interrupt.by === 'stop' ? 'Stop' : `lose the ${interrupt.by}`} after append ${interrupt.after}`
    : '';
  return step(
    `tap Backup (or Resume Backup)${how}`,
    () => true,
    async (m, r) => {
      const newJob = m.open === undefined;
      let fired = false;
      let stopProblem: string | undefined;
      if (interrupt) {
        r.wire.arm({
          afterAppend: (n) => {
            if (n !== interrupt.after) return;
            fired = true;
            if (interrupt.by === 'lan') r.device.setNetwork({ wifi: null });
            if (interrupt.by === 'battery') r.device.setBattery(29);
            if (interrupt.by === 'stop') {
              const state = r.app.backupJob?.state;
              if (state !== 'running') stopProblem = `the job was ${state} while it sent bytes`;
              try {
                r.app.stop();
              } catch (error) {
                stopProblem = `Stop was refused while the job ran: ${(error as Error).message}`;
              }
            }
          },
        });
      }
      try {
        await r.app.backup();
        await r.app.backupJob?.idle();
      } finally {
        r.wire.disarm();
      }
      expectTrue(['BAK-01'], stopProblem === undefined, stopProblem ?? '');
      if (newJob) m.jobStored = new Map();
      if (fired && interrupt?.by === 'lan') m.lan = false;
      if (fired && interrupt?.by === 'battery') m.battery = 29;
      if (fired && interrupt?.by === 'stop') m.open = 'stopped';
      else if (holdReasonsOf(m).length > 0) m.open = 'held';
      else completeJob(m);
      if (m.open) await learnPartialProgress(m, r);
    },
  );
}

/** Items a job confirmed before it stopped or held: any of those it had pending, and nothing else. */
async function learnPartialProgress(m: BackupModel, r: Real): Promise<void> {
  const pending = pendingHashes(m);
  for (const item of await serverItems(r.app)) {
    if (m.held.has(item.sha256)) continue;
    expectTrue(['BAK-08'], pending.has(item.sha256), `the server holds ${item.meta.name}, which was not pending`);
    storeItem(m, item.sha256);
  }
}

const stopHeld = step(
  'tap Stop on the held job',
  (m) => m.open === 'held',
  async (m, r) => {
    r.app.stop();
    m.open = 'stopped';
  },
);

function setLan(on: boolean): Step {
  return step(
    on ? 'join the backup LAN' : 'leave the backup LAN',
    () => true,
    async (m, r) => {
      r.device.setNetwork(on ? { wifi: 'home', backupMachineReachable: true } : { wifi: null });
      m.lan = on;
    },
  );
}

function setBattery(level: number): Step {
  return step(
    `battery ${level}%`,
    () => true,
    async (m, r) => {
      r.device.setBattery(level);
      m.battery = level;
    },
  );
}

const addAccount = step(
  'add a 2FA account',
  () => true,
  async (m, r) => {
    r.app.accounts.addFromSecret('Backup Pro', `user${++serial}`, 'JBSWY3DPEHPK3PXP');
    m.accounts += 1;
  },
);

async function verify(m: BackupModel, r: Real): Promise<void> {
  const job = r.app.backupJob;
  if (m.open) {
    expectEqual([m.open === 'stopped' ? 'BAK-02' : 'BAK-03'], 'the open job', job?.state, m.open);
    if (m.open === 'held') expectEqual(['BAK-03'], 'why the job holds', job?.holdReasons, holdReasonsOf(m));
  } else if (job) {
    expectEqual(['BAK-01'], 'the last job', job.state, 'completed');
  }
  const twice = wireSentNothingTwice(r.wire);
  expectTrue(['BAK-02', 'BAK-07'], twice === undefined, `a byte went twice: ${twice}`);
  const wired = r.wire.appends.reduce((n, a) => n + a.length, 0);
  const counted = [...r.jobs].reduce((n, j) => n + j.bytesSent, 0);
  expectEqual(['BAK-02'], 'bytes the jobs say they sent, against the bytes on the wire', counted, wired);

  const items = await serverItems(r.app);
  expectEqual(
    ['BAK-08', 'BAK-07'],
    'items the server holds',
    sorted(items.map((i) => i.sha256)),
    sorted(m.held.keys()),
  );
  for (const item of items) {
    const held = m.held.get(item.sha256)!;
    const tabRule = held.tab === 'recent' ? 'RFE-06' : 'RFE-08';
    expectEqual([tabRule], `the tab of ${item.meta.name}`, item.tab, held.tab);
    if (m.compared.has(item.sha256)) continue;
    const bytes = await r.app.client().download(item.sha256);
    const same = bytes.equals(contentOf({ contentSeed: held.contentSeed, size: held.size }));
    expectTrue(['BAK-08'], same, `the server's copy of ${item.meta.name} is not byte-identical`);
    m.compared.add(item.sha256);
  }
  if (m.justCompleted && job) await verifyFinishedJob(m, r, job, items);
}

async function verifyFinishedJob(
  m: BackupModel,
  r: Real,
  job: BackupJob,
  items: { sha256: string; storedAs: string }[],
) {
  const count = (kind: ItemKind) => [...m.jobStored.values()].filter((k) => k === kind).length;
  const expected = {
    photos: count('photo'),
    videos: count('video'),
    files: count('document'),
    twoFactorAccounts: m.accounts,
  };
  expectEqual(['BAK-06', 'BAK-07'], 'the counts of the finished job', job.counts, expected);
  const line = r.app.log
    .all()
    .filter((e) => e.type === 'Backup Info')
    .at(-1)?.message;
  const rule = m.platform === 'android' ? 'BAK-04' : 'BAK-05';
  expectEqual([rule], 'the result line', line, `Backup completed: ${resultLine(m)}`);
  if (m.jobStored.size === 0) return;
  const folderOf = (storedAs: string) => storedAs.split('/').slice(0, 2).join('/');
  const folders = new Set(items.filter((i) => m.jobStored.has(i.sha256)).map((i) => folderOf(i.storedAs)));
  expectEqual(['BAK-06'], "the job's blocks folders", folders.size, 1);
  const folder = [...folders][0]!;
  const inFolder = items.filter((i) => folderOf(i.storedAs) === folder).map((i) => i.sha256);
  expectEqual(['BAK-06'], `items in ${folder}`, sorted(inFolder), sorted(m.jobStored.keys()));
  if (!r.dataDir) return;
  r.backupPath ??= (await r.app.client().call('getSelf')).backupPath;
  const files = readdirSync(path.join(r.dataDir, r.backupPath, folder, '0'));
  expectEqual(['BAK-06'], `files in ${folder}/0 on disk`, files.length, m.jobStored.size);
}

// Most items take two or three appends, so that an interruption falls inside an item.
const sizes = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK - 1) },
  { weight: 1, arbitrary: fc.constantFrom(1, CHUNK - 1, CHUNK) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 * CHUNK }) },
);
const kinds = fc.constantFrom<ItemKind>('photo', 'photo', 'video', 'document');
const interrupt: fc.Arbitrary<Interrupt> = fc.record({
  after: fc.constantFrom(1, 1, 2, 3),
  by: fc.constantFrom('stop' as const, 'stop' as const, 'lan' as const, 'battery' as const),
});

/** Every sequence ends with the LAN and the battery back and a backup run to its end, checked like any step. */
async function finish(model: BackupModel, real: Real): Promise<void> {
  try {
    for (const last of [setLan(true), setBattery(80), backup(undefined)]) await last.run(model, real);
  } catch (error) {
    if (!(error instanceof Violation)) throw error;
    throw new Violation(
      error.requirements,
      `once the LAN and the battery were back and a backup ran to its end: ${error.message}`,
    );
  }
}

const initialItems = fc.array(fc.tuple(kinds, sizes), { minLength: 1, maxLength: 4 });

const steps = [
  fc.tuple(kinds, sizes).map(([k, s]) => addItem(k, s)),
  fc.tuple(kinds, sizes).map(([k, s]) => addItem(k, s)),
  fc.tuple(kinds, sizes).map(([k, s]) => addItem(k, s)),
  fc.nat(99).map(addCopy),
  fc.nat(99).map(removeItem),
  fc.nat(99).map(removeItem),
  interrupt.map(backup),
  interrupt.map(backup),
  interrupt.map(backup),
  fc.constant(backup(undefined)),
  // Stop is possible only on a held job, so it is drawn often.
  fc.constant(stopHeld),
  fc.constant(stopHeld),
  fc.constant(stopHeld),
  // Conditions come back more often than they go, so that held jobs go on.
  fc.constantFrom(true, true, false).map(setLan),
  fc.constantFrom(80, 80, 29).map(setBattery),
  fc.constant(addAccount),
];

function backupModelCheck(platform: Platform): Check {
  return {
    id: `backup-resume-integrity-model-${platform}`,
    title: `Backup, Stop, Resume and interruptions on ${platform === 'android' ? 'Android' : 'iOS'}: nothing sent twice, exact server copies, the job's counts and result line, Recent and Deleted tabs`,
    area: 'BAK',
    requirements: [
      'BAK-01',
      'BAK-02',
      'BAK-03',
      platform === 'android' ? 'BAK-04' : 'BAK-05',
      'BAK-06',
      'BAK-07',
      'BAK-08',
      'RFE-06',
      'RFE-08',
    ],
    scope: 'device',
    applies: deviceNeeds({ platform }),
    async run(context: CheckContext) {
      const profile = context.column.profile!;
      const commands = fc.commands(steps, { ...commandsOptions(context, 10), size: 'max' });
      // The command list comes first: the report shows it as the shrunk commands; the items come second.
      const property = fc.asyncProperty(commands, initialItems, async (cmds, initial) => {
        const world = await newWorld(context.session, profile);
        const real: Real = { ...world, jobs: new Set(), dataDir: context.session.dataDir };
        const model = newBackupModel(platform);
        // A few items are on the phone before the first step, so that most sequences upload something.
        for (const [kind, size] of initial) await addItem(kind, size).run(model, real);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        await finish(model, real);
      });
      return checkProperty(property, context);
    },
  };
}

export const backupChecks: Check[] = [backupModelCheck('android'), backupModelCheck('ios')];
