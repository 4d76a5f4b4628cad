/**
 * The run settings' defaults and automated backup (seed 000 §6.4.1–§6.4.3, §2.5): power saving on, charging only
 * off and automated backup on right after install; with automated backup on, Android backs up new items by itself
 * even in the background, iOS only in the foreground; with it off, only a tap on Backup starts one. Backup needs
 * the LAN and nothing beyond it. What each checks is automated-backup-commands.ts's, shared with the checks through
 * the screens (automated-backup-screens.ts).
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { addMedia, newWorld, serverItems, type World } from '../../kit/device-support.js';
import {
  automatedRun,
  expectDefaults,
  lanOnlyRun,
  type AutomatedApp,
  type LanOnlyApp,
} from './automated-backup-commands.js';
import { where } from '../../kit/applies.js';

const defaults: Check = {
  id: 'run-conditions-settings-defaults',
  title: 'Right after install, power saving and automated backup are on and backup while charging only is off',
  area: 'RUN',
  requirements: ['RUN-08', 'RUN-11', 'RUN-15'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { settings } = (await newWorld(context, { pair: false, settings: {} })).app;
      await expectDefaults(async (key) => settings[key]);
    }),
};

/** The app model on a simulated device, paired, automated backup off (as newWorld leaves it). */
function modelApp(world: World): AutomatedApp {
  const { app, device } = world;
  const stored = async () => (await serverItems(app)).length;
  return {
    async newPhoto() {
      addMedia(world, { name: `IMG_AUTO_${world.content.count()}.jpg`, size: 1200 });
      await app.backupJob?.idle();
      return stored();
    },
    async tapBackup() {
      await (await app.backup()).idle();
      return stored();
    },
    setAutomated: async (on) => app.updateSettings({ automatedBackup: on }),
    async setForeground(on) {
      device.setForeground(on);
      await app.backupJob?.idle();
    },
    stored,
  };
}

const automated: Check = {
  id: 'run-conditions-automated-backup',
  title:
    'Automated backup sends new items by itself (on iOS only in the foreground); with it off only a tap on Backup does',
  area: 'RUN',
  requirements: ['RUN-16', 'RUN-17', 'RUN-18'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      await automatedRun(modelApp(world), world.device.platform);
    }),
};

function lanOnlyApp(world: World): LanOnlyApp {
  const { app, device } = world;
  let photo = '';
  return {
    joinLanWithoutInternet: async () =>
      device.setNetwork({ wifi: 'home', backupMachineReachable: true, internet: false }),
    addPhoto: async () =>
      void (photo = addMedia(world, { name: `IMG_LAN_${world.content.count()}.jpg`, size: 1300 }).id),
    async backup() {
      const job = await app.backup();
      await job.idle();
      return job.state;
    },
    deletePhoto: async () => void device.removeMedia(photo),
    async restoreAll() {
      const restore = await app.restore(await serverItems(app));
      await restore.idle();
      return { state: restore.state, photos: restore.restored.photo };
    },
  };
}

const lanOnly: Check = {
  id: 'run-conditions-lan-without-internet',
  title: 'A device that shares only a LAN with the backup machine, with no internet, completes backup and restore',
  area: 'RUN',
  requirements: ['RUN-02'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) => checkOnce(async () => lanOnlyRun(lanOnlyApp(await newWorld(context)))),
};

export const AUTOMATED_BACKUP_CHECKS: readonly Check[] = [defaults, automated, lanOnly];
