/**
 * The run-conditions port (port.ts) served by the app through its screens: the switches in
 * More, Backup or Resume on the Backup page, the Restore page's summary for what the server lists, and `mobile:`
 * methods for the device (battery, network, new photos, waiting for the app).
 */
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { ConditionsApp } from './port.js';
import { setSwitch, state } from '../../kit/screens-support.js';

/** The app through its screens: taps in More and on the Backup page, `mobile:` methods for the device. */
export function screensApp(driver: AppDriver): ConditionsApp {
  return {
    setBattery: async (level, charging) => void (await driver.execute('mobile: setBattery', { level, charging })),
    setNetwork: async (network) => void (await driver.execute('mobile: setNetwork', { network })),
    setPowerSaving: (on) => setSwitch(driver, 'more-power-saving', on),
    setChargingOnly: (on) => setSwitch(driver, 'more-charging-only', on),
    addPhotos: async (count) =>
      void (await driver.execute('mobile: addMedia', { kind: 'photo', count, sizeBytes: 2000 })),
    async tapBackup() {
      await driver.tap('tab-backup');
      const job = (await state(driver)).backup?.state;
      await driver.tap(job === 'held' || job === 'stopped' ? 'backup-resume' : 'backup-start');
    },
    async observe() {
      const seen = await driver.execute('mobile: waitForIdle', {});
      // What the server lists, as the Restore page shows it: "0 of N selected, ..." or "No items".
      await driver.tap('tab-backup');
      const jobHolds = seen.backup?.holdReasons ?? [];
      const messages: Record<string, string> = {};
      for (const reason of jobHolds) messages[reason] = await driver.text(`hold-${reason}`);
      await driver.tap('backup-restore');
      const summary = await driver.text('restore-summary-photo');
      await driver.tap('nav-back');
      return {
        holds: seen.holdReasons.backup,
        ...(seen.backup ? { jobState: seen.backup.state } : {}),
        jobHolds,
        messages,
        stored: Number(/of (\d+) selected/.exec(summary)?.[1] ?? 0),
      };
    },
  };
}
