/**
 * ESEC-11 through the app's screens (seed 000 §6.4.4; password-link.ts): with a screen lock set, turning on "Enhanced
 * security for 2FA" opens the authentication screen, whose link reads "USE PASSWORD" on Android and "Show Passcode"
 * on iOS; tapping it opens the entry, the device's password typed and Next turn the setting on.
 */
import type { Check, DeviceCheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { expectEqual, expectTrue } from '../../../kit/device-support.js';
import { where } from '../../../kit/applies.js';
import { elementsIn } from '../../../kit/page-elements.js';
import { setPlatformScreenLock, state, withApp } from '../../../kit/screens-support.js';
import { SEED_PASSWORD_LINK } from './password-link.js';

const PIN = '2468';

export const uiPasswordLinkCheck: Check = {
  id: 'tfa-enhanced-security-password-link-screens',
  title: 'Through the screens: USE PASSWORD (Android) or Show Passcode (iOS) opens the password entry, then Next',
  area: 'ESEC',
  requirements: ['ESEC-11'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'tfa-enhanced-security-password-link', device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const platform = context.column.profile!.platform;
        await setPlatformScreenLock(driver, platform, PIN);
        await driver.tap('tab-more');
        await driver.tap('more-enhanced-security');
        const shown = () => driver.pageSource().then(elementsIn);
        const link = (await shown()).find((e) => e.id === 'auth-use-password');
        expectEqual(['ESEC-11'], `the ${platform} password link`, link?.text, SEED_PASSWORD_LINK[platform]);
        await driver.tap('auth-use-password');
        const next = (await shown()).find((e) => e.id === 'auth-confirm');
        expectEqual(['ESEC-11'], 'the entry’s button after the link', next?.text, 'Next');
        await driver.type('auth-password', PIN);
        await driver.tap('auth-confirm');
        const after = await state(driver);
        expectTrue(['ESEC-11'], after.security.enabled, `the password typed after the link: ${after.message}`);
      }),
    ),
};
