/**
 * The run settings' defaults and automated backup (seed 000 §6.4.1–§6.4.3, §2.5): power saving on, charging only
 * off and automated backup on right after install; with automated backup on, Android backs up new items by itself
 * even in the background, iOS only in the foreground; with it off, only a tap on Backup starts one. Backup needs
 * the LAN and nothing beyond it.
 */
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce } from '../framework/property.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import { SimulatedDevice } from '../../simulators/device/simulated-device.js';
import { addMedia, deviceNeeds, expectEqual, newWorld, serverItems, type World } from './device-support.js';

const defaults: Check = {
  id: 'run-settings-defaults',
  title: 'Right after install, power saving and automated backup are on and backup while charging only is off',
  area: 'RUN',
  requirements: ['RUN-08', 'RUN-11', 'RUN-15'],
  scope: 'device',
  applies: deviceNeeds({ pairs: false }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const device = new SimulatedDevice(context.column.profile!, new VirtualClock());
      const { settings } = context.session.app.install(device, { discoveryHost: context.session.host });
      expectEqual(['RUN-08'], 'power saving mode after install', settings.powerSaving, true);
      expectEqual(['RUN-11'], 'backup while charging only after install', settings.backupWhileChargingOnly, false);
      expectEqual(['RUN-15'], 'automated backup after install', settings.automatedBackup, true);
    }),
};

let photos = 0;
/** Adds a photo and lets whatever job it starts finish; answers how many items the server then holds. */
async function newPhoto(world: World): Promise<number> {
  addMedia(world.device, { name: `IMG_AUTO_${++photos}.jpg`, size: 1200 });
  await world.app.backupJob?.idle();
  return (await serverItems(world.app)).length;
}

const automated: Check = {
  id: 'automated-backup',
  title:
    'Automated backup sends new items by itself (on iOS only in the foreground); with it off only a tap on Backup does',
  area: 'RUN',
  requirements: ['RUN-16', 'RUN-17', 'RUN-18'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      const { app, device } = world;
      // Off (as newWorld leaves it): a new photo waits for the tap.
      expectEqual(['RUN-18'], 'items held with automated backup off, before a tap', await newPhoto(world), 0);
      await (await app.backup()).idle();
      expectEqual(['RUN-18'], 'items held after tapping Backup', (await serverItems(app)).length, 1);
      app.updateSettings({ automatedBackup: true });
      device.setForeground(false);
      if (device.platform === 'android') {
        expectEqual(['RUN-16'], 'items held after a photo taken in the background', await newPhoto(world), 2);
        device.setForeground(true);
        expectEqual(['RUN-16'], 'items held after a photo taken in the foreground', await newPhoto(world), 3);
      } else {
        expectEqual(['RUN-17'], 'items held after a photo taken in the background', await newPhoto(world), 1);
        device.setForeground(true);
        await app.backupJob?.idle();
        expectEqual(['RUN-17'], 'items held once the app is in the foreground', (await serverItems(app)).length, 2);
        expectEqual(['RUN-17'], 'items held after a photo taken in the foreground', await newPhoto(world), 3);
      }
    }),
};

const lanOnly: Check = {
  id: 'backup-on-lan-without-internet',
  title: 'A device that shares only a LAN with the backup machine, with no internet, completes backup and restore',
  area: 'RUN',
  requirements: ['RUN-02'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      const { app, device } = world;
      device.setNetwork({ wifi: 'home', backupMachineReachable: true, internet: false });
      const photo = addMedia(device, { name: `IMG_LAN_${++photos}.jpg`, size: 1300 });
      const job = await app.backup();
      await job.idle();
      expectEqual(['RUN-02'], 'the backup without internet', job.state, 'completed');
      device.removeMedia(photo.id);
      const restore = await app.restore(await serverItems(app));
      await restore.idle();
      expectEqual(['RUN-02'], 'the restore without internet', restore.state, 'completed');
      expectEqual(['RUN-02'], 'photos restored', restore.restored.photo, 1);
    }),
};

export const AUTOMATED_BACKUP_CHECKS: readonly Check[] = [defaults, automated, lanOnly];
