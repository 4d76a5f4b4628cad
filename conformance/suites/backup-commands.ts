/**
 * The commands of the backup, resume and integrity model (backup-model.ts) and what they check after every step.
 * They act on a port, `BackupApp`, with two adapters: the app model on a simulated device in process (backup.ts)
 * and the app through its screens and `mobile:` methods (backup-screens.ts), so one model checks both. An adapter
 * leaves out what it cannot see (the wire, the server's bytes and folders), and the commands it cannot give.
 */
import fc from 'fast-check';
import type { ItemKind } from '../spec/file-types.js';
import type { TabName } from '../spec/protocol/common.js';
import { Violation } from '../framework/violation.js';
import {
  completeJob,
  holdReasonsOf,
  pendingHashes,
  resultLine,
  settle,
  storeItem,
  type BackupModel,
  type DeviceEntry,
  type HeldEntry,
} from './backup-model.js';
import { CHUNK, expectEqual, expectTrue, sorted } from './device-support.js';

export type Interrupt = { readonly after: number; readonly by: 'stop' | 'lan' | 'battery' };

/** A medium to put on the phone: a new one, or a copy of one already there (same bytes). */
export interface NewMedia {
  readonly serial: number;
  readonly name: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly copyOf?: DeviceEntry;
}

/** An item the server lists: `sha256` is the adapter's content key (the hash in process). */
export interface ListedItem {
  readonly sha256: string;
  readonly name: string;
  readonly tab: TabName;
  /** Where the server stored it; absent where the adapter cannot see it. */
  readonly storedAs?: string;
}

export interface JobSeen {
  readonly state: string;
  readonly holdReasons: readonly string[];
  /** The counts of a finished job; absent where the adapter cannot see them. */
  readonly counts?: unknown;
}

export interface BackupApp {
  addMedia(media: NewMedia): Promise<Omit<DeviceEntry, 'kind' | 'eligible'>>;
  removeMedia(id: string): Promise<void>;
  /** Taps Backup (or Resume Backup), interrupted after the n-th append when asked (in process only). */
  backup(interrupt: Interrupt | undefined): Promise<{ readonly fired: boolean; readonly stopProblem?: string }>;
  stop(): Promise<void>;
  setLan(on: boolean): Promise<void>;
  setBattery(level: number): Promise<void>;
  addAccount(issuer: string, label: string): Promise<void>;
  /** Waits until the app is idle after a step. */
  idle(): Promise<void>;
  job(): Promise<JobSeen | undefined>;
  /** What went over the wire: a byte sent twice, and the bytes on the wire against the jobs' counters. */
  readonly wire?: () => { twice: string | undefined; wired: number; counted: number };
  serverItems(): Promise<ListedItem[]>;
  /** Whether the server's copy is byte-identical to the item's content. */
  readonly sameBytes?: (item: ListedItem, held: HeldEntry) => Promise<boolean>;
  /** The finished job's result line, "Backup completed: …". */
  resultLine(): Promise<string | undefined>;
  /** How many files the server keeps in a job's folder on disk, when it can be seen. */
  readonly filesOnDisk?: (folder: string) => Promise<number | undefined>;
}

export type BackupStep = fc.AsyncCommand<BackupModel, BackupApp>;

/** A command: what it does to the phone and the model, then a check of everything against the model. */
function step(
  label: string,
  check: (m: BackupModel) => boolean,
  run: (m: BackupModel, app: BackupApp) => Promise<void>,
): BackupStep {
  return {
    check,
    async run(m, app) {
      m.justCompleted = false;
      await run(m, app);
      settle(m);
      await app.idle();
      await verify(m, app);
    },
    toString: () => label,
  };
}

const EXT: Record<ItemKind, string> = { photo: 'jpg', video: 'mp4', document: 'pdf' };
let serial = 0;

export function addItem(kind: ItemKind, size: number): BackupStep {
  return step(
    `add a ${kind} of ${size} B`,
    () => true,
    async (m, app) => {
      const n = ++serial;
      const name = `${kind.toUpperCase()}_${n}.${EXT[kind]}`;
      const item = await app.addMedia({ serial: n, name, kind, size });
      const eligible = kind !== 'document' || m.platform === 'android';
      m.device.push({ ...item, kind, eligible });
    },
  );
}

function addCopy(pick: number): BackupStep {
  return step(
    `add a copy of item ${pick} (modulo the items on the phone)`,
    (m) => m.device.length > 0,
    async (m, app) => {
      const original = m.device[pick % m.device.length]!;
      const n = ++serial;
      const name = `COPY_${n}_${original.name}`;
      const item = await app.addMedia({ serial: n, name, kind: original.kind, size: original.size, copyOf: original });
      m.device.push({ ...item, kind: original.kind, eligible: original.eligible });
    },
  );
}

function removeItem(pick: number): BackupStep {
  return step(
    `delete item ${pick} (modulo the items on the phone)`,
    (m) => m.device.length > 0,
    async (m, app) => {
      const gone = m.device[pick % m.device.length]!;
      await app.removeMedia(gone.id);
      m.device = m.device.filter((d) => d.id !== gone.id);
    },
  );
}

export function backup(interrupt: Interrupt | undefined): BackupStep {
  const how = interrupt
    ? `, ${interrupt.by === 'stop' ? 'Stop' : `lose the ${interrupt.by}`} after append ${interrupt.after}`
    : '';
  return step(
    `tap Backup (or Resume Backup)${how}`,
    () => true,
    async (m, app) => {
      const newJob = m.open === undefined;
      const { fired, stopProblem } = await app.backup(interrupt);
      expectTrue(['BAK-01'], stopProblem === undefined, stopProblem ?? '');
      if (newJob) m.jobStored = new Map();
      if (fired && interrupt?.by === 'lan') m.lan = false;
      if (fired && interrupt?.by === 'battery') m.battery = 29;
      if (fired && interrupt?.by === 'stop') m.open = 'stopped';
      else if (holdReasonsOf(m).length > 0) m.open = 'held';
      else completeJob(m);
      if (m.open) await learnPartialProgress(m, app);
    },
  );
}

/** Items a job confirmed before it stopped or held: any of those it had pending, and nothing else. */
async function learnPartialProgress(m: BackupModel, app: BackupApp): Promise<void> {
  const pending = pendingHashes(m);
  for (const item of await app.serverItems()) {
    if (m.held.has(item.sha256)) continue;
    expectTrue(['BAK-08'], pending.has(item.sha256), `the server holds ${item.name}, which was not pending`);
    storeItem(m, item.sha256);
  }
}

const stopHeld = step(
  'tap Stop on the held job',
  (m) => m.open === 'held',
  async (m, app) => {
    await app.stop();
    m.open = 'stopped';
  },
);

export function setLan(on: boolean): BackupStep {
  return step(
    on ? 'join the backup LAN' : 'leave the backup LAN',
    () => true,
    async (m, app) => {
      await app.setLan(on);
      m.lan = on;
    },
  );
}

export function setBattery(level: number): BackupStep {
  return step(
    `battery ${level}%`,
    () => true,
    async (m, app) => {
      await app.setBattery(level);
      m.battery = level;
    },
  );
}

const addAccount = step(
  'add a 2FA account',
  () => true,
  async (m, app) => {
    await app.addAccount('Backup Pro', `user${++serial}`);
    m.accounts += 1;
  },
);

async function verify(m: BackupModel, app: BackupApp): Promise<void> {
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

// Most items take two or three appends, so that an interruption falls inside an item.
const sizes = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK - 1) },
  { weight: 1, arbitrary: fc.constantFrom(1, CHUNK - 1, CHUNK) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 * CHUNK }) },
);
const allKinds = fc.constantFrom<ItemKind>('photo', 'photo', 'video', 'document');
const interrupt: fc.Arbitrary<Interrupt> = fc.record({
  after: fc.constantFrom(1, 1, 2, 3),
  by: fc.constantFrom('stop' as const, 'stop' as const, 'lan' as const, 'battery' as const),
});

/** Every sequence ends with the LAN and the battery back and a backup run to its end, checked like any step. */
export async function finish(model: BackupModel, app: BackupApp): Promise<void> {
  try {
    for (const last of [setLan(true), setBattery(80), backup(undefined)]) await last.run(model, app);
  } catch (error) {
    if (!(error instanceof Violation)) throw error;
    throw new Violation(
      error.requirements,
      `once the LAN and the battery were back and a backup ran to its end: ${error.message}`,
    );
  }
}

/**
 * What an adapter can give: interruptions part-way through a job (a hook on the wire), copies of an item (the same
 * bytes again), documents, and new 2FA accounts. Without them the commands and the items are drawn from the rest.
 */
export interface BackupOptions {
  readonly interrupts: boolean;
  readonly copies: boolean;
  readonly documents: boolean;
  readonly accounts: boolean;
}

const kindsOf = (o: BackupOptions) => (o.documents ? allKinds : fc.constantFrom<ItemKind>('photo', 'photo', 'video'));

/** A few items on the phone before the first step, so that most sequences upload something. */
export function initialItems(options: BackupOptions) {
  return fc.array(fc.tuple(kindsOf(options), sizes), { minLength: 1, maxLength: 4 });
}

export function backupSteps(options: BackupOptions): fc.Arbitrary<BackupStep>[] {
  const kinds = kindsOf(options);
  const newItem = fc.tuple(kinds, sizes).map(([k, s]) => addItem(k, s));
  const tapBackup = options.interrupts ? interrupt.map(backup) : fc.constant(backup(undefined));
  return [
    newItem,
    newItem,
    newItem,
    ...(options.copies ? [fc.nat(99).map(addCopy)] : []),
    fc.nat(99).map(removeItem),
    fc.nat(99).map(removeItem),
    tapBackup,
    tapBackup,
    tapBackup,
    fc.constant(backup(undefined)),
    // Stop is possible only on a held job, so it is drawn often.
    fc.constant(stopHeld),
    fc.constant(stopHeld),
    fc.constant(stopHeld),
    // Conditions come back more often than they go, so that held jobs go on.
    fc.constantFrom(true, true, false).map(setLan),
    fc.constantFrom(80, 80, 29).map(setBattery),
    ...(options.accounts ? [fc.constant(addAccount)] : []),
  ];
}

/** Puts the initial items on the phone, runs the commands, and ends with a backup run to its end. */
export async function runSequence(
  model: BackupModel,
  app: BackupApp,
  initial: readonly (readonly [ItemKind, number])[],
  cmds: Iterable<BackupStep>,
): Promise<void> {
  for (const [kind, size] of initial) await addItem(kind, size).run(model, app);
  await fc.asyncModelRun(() => ({ model, real: app }), cmds);
  await finish(model, app);
}
