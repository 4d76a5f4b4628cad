/**
 * Supported platforms through the screens (seed 000 §2.2, §2.5). A session opens the app on a phone of each OS
 * version around the boundary (the profile with `osVersion` over it): below the minimum the session is refused as
 * `os-unsupported` (in process the session model refuses it; over WebDriver the driver's "session not created"
 * carries that code, see devices/appium-driver/w3c-errors.ts); from the minimum on, the app pairs by QR and backs
 * a photo up from its Backup page. The boundary versions and the walk over them are install-and-first-launch.ts's.
 *
 * First-launch permissions show only where the app uses them after launch: the camera (with the user now set to
 * deny it, the QR scanner still opens, so it was granted before) and, on iOS, notifications (a 2FA push request
 * reaches the notification shade). The storage permissions, auto-launch (PLAT-04), Face ID and the photo library
 * are asked for and never visibly used: no screen or `mobile:` method shows the OS's permission prompts (system
 * alerts at first launch, as UiAutomator2 and XCUITest see them, or a method listing the prompts shown, would).
 * platforms-first-launch-permissions-android and -ios check every permission on the app model.
 */
import { ClientError, CLIENT_ERRORS, type ClientErrorCode } from '../../spec/errors.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import type { Permission } from '../../../simulators/device/permissions.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { expectOsVersions, FIRST_LAUNCH, onPlatform } from './install-and-first-launch.js';
import { whileRegistered } from '../two-factor/common/screens-support.js';
import { pairThroughScreens, state, tapBackup, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const CODES = Object.keys(CLIENT_ERRORS) as ClientErrorCode[];

/** The kit's code of a refusal: a ClientError's own, or the one the driver's WebDriver error message starts with. */
function refusalCode(error: unknown): ClientErrorCode | undefined {
  if (error instanceof ClientError) return error.code;
  const message = error instanceof Error ? error.message : String(error);
  return CODES.find((code) => new RegExp(`(^|[^\\w-])${code}: `).test(message));
}

const backUpOnePhoto = async (driver: AppDriver) => {
  await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1500 });
  return tapBackup(driver);
};

function osVersionsCheck(platform: Platform): Check {
  const rule = platform === 'android' ? 'PLAT-01' : 'PLAT-02';
  return {
    id: `platforms-os-versions-${platform}-screens`,
    title: `Through the screens: the app opens, pairs and backs up on ${platform === 'android' ? 'Android 8' : 'iOS 12.0'} and later, and is refused on anything older`,
    area: 'PLAT',
    requirements: [rule],
    scope: 'device',
    tags: ['ui'],
    applies: where({ overWebDriverOf: `platforms-os-versions-${platform}`, ...onPlatform(platform) }),
    run: (context: DeviceCheckContext) =>
      checkOnce(() =>
        expectOsVersions(context, platform, async (osVersion) => {
          let outcome = 'opened';
          try {
            await withApp(
              context,
              async (driver) => {
                const runsOn = (await driver.execute('mobile: deviceInfo')).osVersion;
                expectEqual([rule], 'the OS version of the phone the session opened', runsOn, osVersion);
                await pairThroughScreens(driver, context.session);
                const seen = await backUpOnePhoto(driver);
                const status = await driver.text('backup-status');
                outcome =
                  seen.backup?.state === 'completed' && status.startsWith('Backup completed')
                    ? 'runs'
                    : `installed, and the backup says "${status}"`;
              },
              { osVersion },
            );
          } catch (error) {
            if (refusalCode(error) === 'os-unsupported') return 'refused';
            throw error;
          }
          return outcome;
        }),
      ),
  };
}

/** Seen through the screens: the permission was granted before the app needed it now, with the user set to deny. */
const VISIBLE: Partial<
  Record<Permission, (driver: AppDriver, context: DeviceCheckContext) => Promise<string | undefined>>
> = {
  async camera(driver) {
    await driver.execute('mobile: setPermission', { permission: 'camera', answer: 'deny' });
    await driver.tap('tab-home');
    await driver.tap('home-activate');
    const seen = await state(driver);
    if (seen.screen === 'scanner') await driver.tap('scanner-cancel');
    return seen.screen === 'scanner' ? undefined : `the scanner did not open: "${seen.message}"`;
  },
  async notifications(driver, context) {
    if (context.session.edition === 'home') return undefined;
    await driver.execute('mobile: setPermission', { permission: 'notifications', answer: 'deny' });
    const desk = context.session.console!;
    // A push request needs an account registered by QR (a secret key registers TOTP only).
    return whileRegistered(driver, desk, async ({ scanned, authenticatorId }) => {
      if (!authenticatorId) return `registering for 2FA by QR failed: ${JSON.stringify(scanned)}`;
      const login = await desk.call('startLogin', { body: {} });
      await desk.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId } });
      const { notifications } = await driver.execute('mobile: notifications');
      return notifications.length > 0 ? undefined : 'no notification of the push request';
    });
  },
};

function permissionsCheck(platform: Platform): Check {
  const rules = FIRST_LAUNCH[platform];
  const shown = Object.entries(rules).filter(([, wanted]) => wanted.some((p) => p in VISIBLE));
  return {
    id: `platforms-first-launch-permissions-${platform}-screens`,
    title:
      platform === 'android'
        ? 'Through the screens: on first launch on Android the app was granted the camera (the rest: see platforms)'
        : 'Through the screens: on first launch on iOS the app was granted the camera and notifications (the rest: see platforms)',
    area: 'PLAT',
    requirements: shown.map(([rule]) => rule),
    scope: 'device',
    tags: ['ui'],
    // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
    exclusive: platform === 'ios',
    applies: where({ overWebDriverOf: `platforms-first-launch-permissions-${platform}`, device: 'paired', platform }),
    run: (context: DeviceCheckContext) =>
      checkOnce(() =>
        withApp(context, async (driver) => {
          for (const [rule, wanted] of shown) {
            for (const permission of wanted) {
              const problem = await VISIBLE[permission]?.(driver, context);
              expectTrue([rule], problem === undefined, `${permission} was not granted at first launch: ${problem}`);
            }
          }
        }),
      ),
  };
}

export const UI_PLATFORM_CHECKS: readonly Check[] = [
  osVersionsCheck('android'),
  osVersionsCheck('ios'),
  permissionsCheck('android'),
  permissionsCheck('ios'),
];
