/**
 * The app through its screens (seed 000 §6): checks that tap, read texts and call `mobile:` methods through an
 * AppDriver, so the same check runs on the session model in process or over WebDriver through Appium
 * (`mbsc run --via appium`). They see only what a user or a WebDriver test sees: element texts and `mobile:
 * appState`.
 *
 * Here: a backup held at low battery with the app saying why, then resumed and restored.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { within } from '../../kit/violation.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { pairThroughScreens, state, tapBackup, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

export const lowBatteryMessageCheck: Check = {
  id: 'run-conditions-low-battery-message-screens',
  title:
    'Through the screens: a backup at 29% battery holds with the low-battery message, goes on at 30%, reports its counts, and the photos come back by Restore',
  area: 'RUN',
  requirements: ['RUN-03', 'RUN-04', 'RUN-09', 'BAK-04', 'BAK-05', 'RST-08'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        await driver.execute('mobile: addMedia', { kind: 'photo', count: 3, sizeBytes: 20_000 });
        await driver.execute('mobile: setBattery', { level: 29, charging: false });
        await tapBackup(driver);
        await within(['RUN-03', 'RUN-09'], async () => {
          expectEqual(
            ['RUN-03'],
            'the backup at 29% with power saving on',
            (await state(driver)).backup?.state,
            'held',
          );
          const message = await driver.text('hold-battery-low');
          expectTrue(['RUN-09'], /battery/i.test(message) && message.includes('30%'), `the hold message: "${message}"`);
        });
        await driver.execute('mobile: setBattery', { level: 30, charging: false });
        await driver.execute('mobile: waitForIdle', {});
        expectEqual(['RUN-04'], 'the backup at exactly 30%', (await state(driver)).backup?.state, 'completed');
        const android = context.column.profile.platform === 'android';
        const counts = android
          ? '3 Photos, 0 Videos, 0 Files, and 0 2FA Accounts'
          : '3 Photos, 0 Videos, and 0 2FA Accounts';
        expectEqual(
          [android ? 'BAK-04' : 'BAK-05'],
          'the result',
          await driver.text('backup-status'),
          `Backup completed: ${counts}`,
        );

        await driver.execute('mobile: deleteMedia', {});
        await driver.tap('backup-restore');
        await driver.tap('restore-select-photo');
        await driver.tap('restore-start');
        await driver.execute('mobile: waitForIdle', {});
        const after = await state(driver);
        expectEqual(['RST-08'], 'photos restored', after.restore?.restored.photo, 3);
        expectTrue(
          ['RST-08'],
          (await driver.text('restore-status')).includes('3 Photos'),
          'the restore result names 3 Photos',
        );
      }),
    ),
};
