/**
 * The run settings' defaults, automated backup and backup on a LAN without internet (automated-backup.ts) through
 * the app's screens: the More page's switches as a fresh install shows them, Backup and Restore, the Restore page's
 * counts of what the server holds, and `mobile:` methods for the phone's photos, its network and sending the app to
 * the background and back (`mobile: backgroundApp`, `mobile: activateApp`).
 *
 * Not through the screens: what the server holds while the app is in the background, where no page of the app can
 * be opened. There the count is the last one the Restore page showed plus what a backup completed since then sent,
 * as the app's log and its job say (`mobile: appState`); back in the foreground, the Restore page shows it.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import {
  automatedRun,
  expectDefaults,
  lanOnlyRun,
  SETTING_DEFAULTS,
  type AutomatedApp,
  type LanOnlyApp,
} from './automated-backup-commands.js';
import { shown } from '../../kit/page-elements.js';
import { pairThroughScreens, setSwitch, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const defaults: Check = {
  id: 'run-conditions-settings-defaults-screens',
  title:
    'Through the screens: right after install, the More page shows power saving and automated backup on and backup while charging only off',
  area: 'RUN',
  requirements: ['RUN-08', 'RUN-11', 'RUN-15'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'run-conditions-settings-defaults', device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await driver.tap('tab-more');
        const switches = await shown(driver, /^more-/);
        await expectDefaults(async (key) => {
          const id = SETTING_DEFAULTS.find((d) => d.key === key)!.switchId;
          return switches.find((s) => s.id === id)?.checked;
        });
      }),
    ),
};

const idle = (driver: AppDriver) => driver.execute('mobile: waitForIdle', {});

/** The app through its screens, paired, with automated backup off (as pairThroughScreens leaves it). */
function automatedApp(driver: AppDriver): AutomatedApp {
  let background = false;
  /** What the Restore page last showed, and how many backups the app's log then said had completed. */
  let known = { stored: 0, backups: 0 };
  async function stored(): Promise<number> {
    const seen = await idle(driver);
    const backups = seen.log.filter((e) => e.message.startsWith('Backup completed')).length;
    // In the background no page opens: a backup completed since the last count adds the items its job sent.
    if (background) return known.stored + (backups > known.backups ? (seen.backup?.itemsDone ?? 0) : 0);
    await driver.tap('tab-backup');
    await driver.tap('backup-restore');
    const summary = await driver.text('restore-summary-photo');
    await driver.tap('nav-back');
    known = { stored: Number(/of (\d+) selected/.exec(summary)?.[1] ?? 0), backups };
    return known.stored;
  }
  return {
    async newPhoto() {
      await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1200 });
      return stored();
    },
    async tapBackup() {
      await driver.tap('tab-backup');
      await driver.tap('backup-start');
      return stored();
    },
    setAutomated: (on) => setSwitch(driver, 'more-automated-backup', on),
    async setForeground(on) {
      background = !on;
      await (on ? driver.execute('mobile: activateApp') : driver.execute('mobile: backgroundApp', {}));
      await idle(driver);
    },
    stored,
  };
}

const automated: Check = {
  id: 'run-conditions-automated-backup-screens',
  title:
    'Through the screens: automated backup sends new photos by itself (on iOS only in the foreground); with it off only a tap on Backup does',
  area: 'RUN',
  requirements: ['RUN-16', 'RUN-17', 'RUN-18'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'run-conditions-automated-backup', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        await automatedRun(automatedApp(driver), context.column.profile.platform);
      }),
    ),
};

function lanOnlyApp(driver: AppDriver): LanOnlyApp {
  return {
    joinLanWithoutInternet: async () =>
      void (await driver.execute('mobile: setNetwork', { network: 'lan', internet: false })),
    addPhoto: async () => void (await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1300 })),
    async backup() {
      await driver.tap('tab-backup');
      await driver.tap('backup-start');
      return (await idle(driver)).backup?.state ?? 'none';
    },
    deletePhoto: async () => void (await driver.execute('mobile: deleteMedia', {})),
    async restoreAll() {
      await driver.tap('backup-restore');
      await driver.tap('restore-select-photo');
      await driver.tap('restore-start');
      const job = (await idle(driver)).restore;
      return { state: job?.state ?? 'none', photos: job?.restored.photo ?? 0 };
    },
  };
}

const lanOnly: Check = {
  id: 'run-conditions-lan-without-internet-screens',
  title:
    'Through the screens: a phone that shares only a LAN with the backup machine, with no internet, completes backup and restore',
  area: 'RUN',
  requirements: ['RUN-02'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'run-conditions-lan-without-internet', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        await lanOnlyRun(lanOnlyApp(driver));
      }),
    ),
};

export const UI_AUTOMATED_BACKUP_CHECKS: readonly Check[] = [defaults, automated, lanOnly];
