/**
 * Run conditions of restore (seed 000 §2.5, §6.4.2, §6.4.3): restore needs the backup machine's LAN, and with power
 * saving on it holds below 30% battery as backup does; backup while charging only never holds it. A property over
 * random conditions (half of them on the 30% boundary) starts a real restore of a backed-up photo in each; the run
 * and its expectations are restore-held-commands.ts's, shared with run-conditions-restore-screens.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import { addMedia, expectEqual, newWorld, serverItems, type World } from '../../kit/device-support.js';
import { checkRestoreConditions, GOOD, type Conditions, type RestoreConditionsApp } from './restore-held-commands.js';
import { where } from '../../kit/applies.js';

function apply(world: World, c: Conditions): void {
  world.device.setNetwork(c.lan ? { wifi: 'home', backupMachineReachable: true } : { wifi: null });
  world.device.setBattery(c.battery, c.charging);
  world.app.updateSettings({ powerSaving: c.powerSaving, backupWhileChargingOnly: c.chargingOnly });
}

/** The app model on a simulated device, paired, with one photo backed up. */
function modelApp(world: World): RestoreConditionsApp {
  const { app, device } = world;
  let item: Awaited<ReturnType<typeof serverItems>>[number] | undefined;
  return {
    async prepare(c) {
      [item] = await serverItems(app);
      if (!item) throw new Error('the backed-up photo is not on the server');
      const copy = device.mediaItems().find((m) => hashOf(m) === item!.sha256);
      if (copy) device.removeMedia(copy.id);
      apply(world, c);
    },
    holds: async () => app.holdReasons('restore'),
    async restore() {
      const job = await app.restore([item!]);
      await job.idle();
      return { state: job.state, holdReasons: job.holdReasons };
    },
    async clear() {
      apply(world, GOOD);
      await app.restoreJob?.idle();
      return app.restoreJob?.state ?? 'none';
    },
  };
}

export const restoreConditionsCheck: Check = {
  id: 'run-conditions-restore',
  title:
    'Restore holds off the backup LAN and below 30% battery with power saving on, never for charging only, and goes on when conditions clear',
  area: 'RUN',
  requirements: ['RUN-01', 'RUN-05', 'RUN-14'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const world = await newWorld(context);
    addMedia(world, { name: 'IMG_RESTORE_1.jpg', size: 1500 });
    apply(world, GOOD);
    const backup = await world.app.backup();
    await backup.idle();
    expectEqual(['RUN-01'], 'the first backup', backup.state, 'completed');
    return checkRestoreConditions(modelApp(world), context);
  },
};
