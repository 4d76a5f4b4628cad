/**
 * ESEC-12 through the app's screens (seed 000 §6.4.4, step 5 of the enable and disable procedures): with a screen
 * lock set, "Enhanced security for 2FA" turned on and then off, each time with the device password answered, says
 * "Enhanced security for 2FA is successfully enabled." and then "… disabled.". The default run runs it in process;
 * with --via appium it runs on the phone the same way.
 */
import type { Check, DeviceCheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { expectEqual } from '../../../kit/device-support.js';
import { where } from '../../../kit/applies.js';
import { setPlatformScreenLock, setSwitch, state, typeDevicePassword, withApp } from '../../../kit/screens-support.js';

/** The seed's words, each procedure's step 5 (the app model's own are in simulators/app/authenticator). */
export const SEED_SECURITY_SAID = {
  on: 'Enhanced security for 2FA is successfully enabled.',
  off: 'Enhanced security for 2FA is successfully disabled.',
} as const;

const PIN = '1357';

export const uiSecuritySaysCheck: Check = {
  id: 'tfa-enhanced-security-says-screens',
  title:
    'Through the screens: Enhanced security for 2FA says it was successfully enabled, then disabled, once the device password is answered',
  area: 'ESEC',
  requirements: ['ESEC-12'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const platform = context.column.profile!.platform;
        await setPlatformScreenLock(driver, platform, PIN);
        for (const on of [true, false]) {
          await setSwitch(driver, 'more-enhanced-security', on);
          await typeDevicePassword(driver, PIN);
          const after = await state(driver);
          const turned = `once turned ${on ? 'on' : 'off'}`;
          expectEqual(['ESEC-12'], `the switch ${turned}`, after.security.enabled, on);
          expectEqual(['ESEC-12'], `what the app says ${turned}`, after.message, SEED_SECURITY_SAID[on ? 'on' : 'off']);
        }
      }),
    ),
};
