/**
 * The commands of the backup, resume and integrity model (model.ts): new items and copies, deletions, taps
 * on Backup that may be interrupted, Stop on a held job, the LAN and the battery, new 2FA accounts. Each one acts on
 * the phone through the port (port.ts) and on the model, then checks everything against the model
 * (after-each-step.ts).
 */
import type fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import { completeJob, holdReasonsOf, pendingHashes, settle, storeItem, type BackupModel } from './model.js';
import type { BackupApp, Interrupt } from './port.js';
import { verify } from './after-each-step.js';
import { expectEqual, expectTrue } from '../../kit/check-oracles.js';

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

export function addItem(kind: ItemKind, size: number): BackupStep {
  return step(
    `add a ${kind} of ${size} B`,
    () => true,
    async (m, app) => {
      const n = ++m.added;
      const name = `${kind.toUpperCase()}_${n}.${EXT[kind]}`;
      const item = await app.addMedia({ serial: n, name, kind, size });
      const eligible = kind !== 'document' || m.platform === 'android';
      m.device.push({ ...item, kind, eligible });
    },
  );
}

export function addCopy(pick: number): BackupStep {
  return step(
    `add a copy of item ${pick} (modulo the items on the phone)`,
    (m) => m.device.length > 0,
    async (m, app) => {
      const original = m.device[pick % m.device.length]!;
      const n = ++m.added;
      const name = `COPY_${n}_${original.name}`;
      const item = await app.addMedia({ serial: n, name, kind: original.kind, size: original.size, copyOf: original });
      m.device.push({ ...item, kind: original.kind, eligible: original.eligible });
    },
  );
}

export function removeItem(pick: number): BackupStep {
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
      if (fired && interrupt?.by === 'battery') {
        m.battery = 29;
        // The battery fell below 30% while the job sent bytes: checked throughout the job, it holds (RUN-10).
        expectEqual(['RUN-10'], 'the job the battery fell below 30% under', (await app.job())?.state, 'held');
      }
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

export const stopHeld = step(
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

export const addAccount = step(
  'add a 2FA account',
  () => true,
  async (m, app) => {
    await app.addAccount('Backup Pro', `user${++m.added}`);
    m.accounts += 1;
  },
);
