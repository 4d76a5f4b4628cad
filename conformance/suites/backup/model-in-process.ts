/**
 * Backup, resume and integrity (seed 000 §10), model-based: random sequences of new photos, videos, documents and
 * copies, deletions, taps on Backup that a Stop, a lost LAN or a low battery interrupts after the n-th append,
 * Stop on a held job, the LAN and the battery coming back, and new 2FA accounts. After every step: the job is
 * open exactly when the model says (and says why; a battery falling below 30% mid-job holds it), no byte crossed
 * the wire twice and the jobs' byte counters agree, the server holds exactly the confirmed items in the right tab
 * with their exact bytes, and a finished job reports the items it stored, all in one blocks folder, with the
 * platform's result line. The commands act on a port (port.ts); here its adapter is the app model in process,
 * which sees the wire and the disk too.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import type { BackupJob } from '../../../simulators/app/backup-job.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { sameContent } from '../../../simulators/device/media.js';
import { newBackupModel } from './model.js';
import type { BackupApp } from './port.js';
import { backupSteps, initialItems, runSequence, type BackupOptions } from './sequences.js';
import { addMedia, newWorld, serverListing, wireSentNothingTwice, type World } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';

/** The app model on a simulated device, paired, in process: it sees everything, the wire and the disk too. */
function modelApp(w: World, dataDir: string | undefined): BackupApp {
  const jobs = new Set<BackupJob>();
  const listing = serverListing(w);
  return {
    async addMedia(media) {
      const { name, size } = media;
      const seed = media.copyOf ? { contentSeed: media.copyOf.contentSeed } : {};
      const folder = !media.copyOf && media.kind === 'document' ? { folder: 'Documents' } : {};
      const item = addMedia(w, { name, size, ...seed, ...folder });
      return { id: item.id, name: item.name, sha256: hashOf(item), size: item.size, contentSeed: item.contentSeed };
    },
    removeMedia: async (id) => void w.device.removeMedia(id),
    async backup(interrupt) {
      let fired = false;
      let stopProblem: string | undefined;
      if (interrupt) {
        w.wire.arm({
          afterAppend: (n) => {
            if (n !== interrupt.after) return;
            fired = true;
            if (interrupt.by === 'lan') w.device.setNetwork({ wifi: null });
            if (interrupt.by === 'battery') w.device.setBattery(29);
            if (interrupt.by === 'stop') {
              const state = w.app.backupJob?.state;
              if (state !== 'running') stopProblem = `the job was ${state} while it sent bytes`;
              try {
                w.app.stop();
              } catch (error) {
                stopProblem = `Stop was refused while the job ran: ${(error as Error).message}`;
              }
            }
          },
        });
      }
      try {
        await w.app.backup();
        await w.app.backupJob?.idle();
      } finally {
        w.wire.disarm();
      }
      return { fired, ...(stopProblem === undefined ? {} : { stopProblem }) };
    },
    stop: async () => w.app.stop(),
    setLan: async (on) => w.device.setNetwork(on ? { wifi: 'home', backupMachineReachable: true } : { wifi: null }),
    setBattery: async (level) => w.device.setBattery(level),
    addAccount: async (issuer, label) => void w.app.accounts.addFromSecret(issuer, label, 'JBSWY3DPEHPK3PXP'),
    async idle() {
      if (!w.app.backupJob) return;
      await w.app.backupJob.idle();
      jobs.add(w.app.backupJob);
    },
    async job() {
      const job = w.app.backupJob;
      return job && { state: job.state, holdReasons: job.holdReasons, counts: job.counts };
    },
    wire: () => ({
      twice: wireSentNothingTwice(w.wire),
      wired: w.wire.appends.reduce((n, a) => n + a.length, 0),
      counted: [...jobs].reduce((n, j) => n + j.bytesSent, 0),
    }),
    serverItems: async () =>
      (await listing()).map((i) => ({
        sha256: i.sha256,
        name: i.meta.name,
        tab: i.tab,
        storedAs: i.storedAs,
      })),
    async sameBytes(item, held) {
      const bytes = await w.app.client().download(item.sha256);
      return sameContent({ contentSeed: held.contentSeed, size: held.size }, bytes);
    },
    resultLine: async () =>
      w.app.log
        .all()
        .filter((e) => e.type === 'Backup Info')
        .at(-1)?.message,
    async filesOnDisk(folder) {
      // The device's folder as the server told it at pairing.
      const backupPath = w.app.pairing?.backupPath;
      if (!dataDir || backupPath === undefined) return undefined;
      return readdirSync(path.join(dataDir, backupPath, folder, '0')).length;
    },
  };
}

/** In process the app can be interrupted part-way through a job, and given copies, documents and 2FA accounts. */
const EVERYTHING: BackupOptions = { interrupts: true, copies: true, documents: true, accounts: true };
const steps = backupSteps(EVERYTHING);

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
      'RUN-10',
    ],
    scope: 'device',
    applies: where({ device: 'paired', platform }),
    async run(context: DeviceCheckContext) {
      const commands = fc.commands(steps, { ...commandsOptions(context, 10), size: 'max' });
      // The command list comes first: the report shows it as the shrunk commands; the items come second.
      const property = fc.asyncProperty(commands, initialItems(EVERYTHING), async (cmds, initial) => {
        const world = await newWorld(context);
        await runSequence(newBackupModel(platform), modelApp(world, context.session.dataDir), initial, cmds);
      });
      return checkProperty(property, context);
    },
  };
}

export const backupChecks: Check[] = [backupModelCheck('android'), backupModelCheck('ios')];
