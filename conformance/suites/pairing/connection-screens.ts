/**
 * The app's side of pairing and its connection setting (connection.ts) through the app's screens: the
 * Backup page's buttons on a phone not yet paired and its status line, "Edit connection setting" with its two
 * modes, the host field, Save and the dialog it ends with, and the Restore page's count of what the server holds.
 * The invalid hosts are generated as in process, typed into the field one by one.
 *
 * Not through the screens: the host and port the app connects to and its device id (no page shows them;
 * `mobile: appState` reports the pairing), so "changes nothing" and "without pairing again" are read there.
 */
import type { Check, DeviceCheckContext, CheckOutcome } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { checkConnection, expectNeedsPairing, offDefaultToo, type ConnectionApp } from './connection-commands.js';
import { shown } from '../../kit/page-elements.js';
import { pairThroughScreens, state, tapBackup, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';
import { offTheDefaultPort } from './server-off-default.js';

const NOT_PAIRED = 'Not paired with a backup machine';

/** Taps the Backup page's button for `action`: 'not-paired' when nothing started and the page says why. */
async function refusal(driver: AppDriver, action: 'backup' | 'restore' | 'browse'): Promise<string> {
  await driver.tap('tab-backup');
  // Restore and browsing the backups both start at Restore, which opens the page listing them.
  await driver.tap(action === 'backup' ? 'backup-start' : 'backup-restore');
  const seen = await driver.execute('mobile: waitForIdle', {});
  if (seen.screen !== 'backup') return `none: the ${seen.screen} page opened`;
  if (seen.backup || seen.restore) return `none: a ${seen.backup ? 'backup' : 'restore'} started`;
  const status = await driver.text('backup-status');
  return status === NOT_PAIRED ? 'not-paired' : `refused, and the page says "${status}"`;
}

const beforePairing: Check = {
  id: 'pairing-needed-before-backup-screens',
  title:
    'Through the screens: before pairing, Backup and Restore start nothing and the Backup page says it is not paired',
  area: 'PAIR',
  requirements: ['PAIR-04'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'pairing-needed-before-backup', device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1000 });
        await expectNeedsPairing((action) => refusal(driver, action));
      }),
    ),
};

/** Opens "Edit connection setting" from the Backup page. */
async function openConnection(driver: AppDriver): Promise<void> {
  await driver.tap('tab-backup');
  await driver.tap('backup-connection');
}

function screensApp(driver: AppDriver): ConnectionApp {
  return {
    async connection() {
      await openConnection(driver);
      const [manual] = await shown(driver, /^connection-manual$/);
      const host = await driver.text('connection-host');
      await driver.tap('connection-cancel');
      return manual?.checked ? { mode: 'manual', host } : { mode: 'auto' };
    },
    async pairing() {
      const { pairing } = await state(driver);
      return { deviceId: pairing?.deviceId, host: pairing?.host, tcpPort: pairing?.tcpPort };
    },
    async save(setting) {
      await openConnection(driver);
      await driver.tap(`connection-${setting.mode}`);
      if (setting.mode === 'manual') await driver.type('connection-host', setting.host);
      await driver.tap('connection-save');
      const seen = await driver.execute('mobile: waitForIdle', {});
      if (seen.screen !== 'connection') return undefined;
      const message = seen.message === null ? '(no message)' : await driver.text('message-text');
      if (seen.message !== null) await driver.tap('message-ok');
      await driver.tap('connection-cancel');
      return message;
    },
    async backUpPhoto() {
      await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1000 });
      const job = (await tapBackup(driver)).backup?.state ?? 'none';
      await driver.tap('backup-restore');
      const summary = await driver.text('restore-summary-photo');
      await driver.tap('nav-back');
      return { state: job, stored: Number(/of (\d+) selected/.exec(summary)?.[1] ?? 0) };
    },
  };
}

const connectionSetting: Check = {
  id: 'pairing-connection-setting-screens',
  title:
    'Through the screens: Edit connection setting starts on automatic mode and finds the machine, an invalid or silent host fails with the seed message, a reachable host replaces the setting without pairing again',
  area: 'PAIR',
  requirements: ['PAIR-05', 'PAIR-06', 'PAIR-08', 'PAIR-09'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'pairing-connection-setting', device: 'paired' }),
  async run(context: DeviceCheckContext) {
    let outcome: CheckOutcome | undefined;
    await withApp(context, async (driver) => {
      await pairThroughScreens(driver, context.session);
      outcome = await checkConnection(screensApp(driver), context.session, context);
    });
    // Once the first app has closed: over Appium a second app would be a second session on the same phone.
    return offDefaultToo(outcome!, (steps) =>
      offTheDefaultPort(context, (other) =>
        withApp(other, async (otherDriver) => {
          await pairThroughScreens(otherDriver, other.session);
          await steps(screensApp(otherDriver), other.session);
        }),
      ),
    );
  },
};

export const UI_PAIRING_CONNECTION_CHECKS: readonly Check[] = [beforePairing, connectionSetting];
