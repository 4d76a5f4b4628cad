/**
 * The restore run-conditions property (restore-held.ts) through the app's screens: the switches on the
 * More page, the Restore page's photo checkbox and Restore, the hold messages on the Backup page, and `mobile:`
 * methods for the battery, the network, the phone's photos and the app's state. One phone serves the whole
 * property, as one world does in process: it backs up one photo, and each run deletes it from the phone and
 * restores it under random conditions.
 *
 * Not through the screens: why the app would hold a restore before one is started (no screen says so until a job
 * holds; `mobile: appState` tells it), and which item the job restored (the phone's photos show it came back).
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { expectEqual } from '../../kit/device-support.js';
import { checkRestoreConditions, GOOD, type Conditions, type RestoreConditionsApp } from './restore-held-commands.js';
import { shown } from '../../kit/page-elements.js';
import { pairThroughScreens, setSwitch, state, tapBackup, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

async function setDevice(driver: AppDriver, c: Conditions): Promise<void> {
  await driver.execute('mobile: setBattery', { level: c.battery, charging: c.charging });
  await driver.execute('mobile: setNetwork', { network: c.lan ? 'lan' : 'off' });
}

function screensApp(driver: AppDriver): RestoreConditionsApp {
  return {
    async prepare(c) {
      await setSwitch(driver, 'more-power-saving', c.powerSaving);
      await setSwitch(driver, 'more-charging-only', c.chargingOnly);
      await driver.execute('mobile: deleteMedia', {});
      // The Restore page lists what the server holds: it opens on the LAN, before the conditions are set.
      await driver.tap('tab-backup');
      await driver.tap('backup-restore');
      await driver.tap('restore-select-photo');
      await setDevice(driver, c);
    },
    holds: async () => (await state(driver)).holdReasons.restore,
    async restore() {
      await driver.tap('restore-start');
      const seen = await driver.execute('mobile: waitForIdle', {});
      // Why the job holds, as the Backup page says it (the backup before it completed and holds nothing).
      await driver.tap('tab-backup');
      const holdReasons = (await shown(driver, /^hold-/)).map((e) => e.id.slice('hold-'.length));
      const photos = (await driver.execute('mobile: deviceInfo')).media.length;
      const job = seen.restore?.state ?? 'none';
      return { state: job === 'completed' && photos === 0 ? 'completed without the photo' : job, holdReasons };
    },
    async clear() {
      await setSwitch(driver, 'more-power-saving', GOOD.powerSaving);
      await setSwitch(driver, 'more-charging-only', GOOD.chargingOnly);
      await setDevice(driver, GOOD);
      const seen = await driver.execute('mobile: waitForIdle', {});
      return seen.restore?.state ?? 'none';
    },
  };
}

export const uiRestoreConditionsCheck: Check = {
  id: 'run-conditions-restore-screens',
  title:
    'Through the screens: restore holds off the backup LAN and below 30% battery with power saving on, never for charging only, and goes on when conditions clear',
  area: 'RUN',
  requirements: ['RUN-01', 'RUN-05', 'RUN-14'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'run-conditions-restore', device: 'paired' }),
  async run(context: DeviceCheckContext) {
    let outcome: Awaited<ReturnType<Check['run']>> | undefined;
    await withApp(context, async (driver) => {
      await pairThroughScreens(driver, context.session);
      await setDevice(driver, GOOD);
      await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1500 });
      const backup = await tapBackup(driver);
      expectEqual(['RUN-01'], 'the first backup', backup.backup?.state, 'completed');
      outcome = await checkRestoreConditions(screensApp(driver), context);
    });
    return outcome!;
  },
};
