/**
 * ESEC-11 (seed 000 §6.4.4, "click the USE PASSWORD or Show Passcode"): the authentication screen's link to the
 * device's own secret is worded per platform, "USE PASSWORD" on Android and "Show Passcode" on iOS. In process the
 * app model's rule names the link for the column's phone, read against the seed's words written here; the link's
 * tap, the entry and Next are checked through the screens by tfa-enhanced-security-password-link-screens.
 */
import type { Check, DeviceCheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { expectEqual, newWorld } from '../../../kit/device-support.js';
import { where } from '../../../kit/applies.js';
import type { Platform } from '../../../../simulators/device/device-spec.js';

/** The seed's words, one per platform (the app model's own are in simulators/app/authenticator/password-link.ts). */
export const SEED_PASSWORD_LINK: Readonly<Record<Platform, string>> = {
  android: 'USE PASSWORD',
  ios: 'Show Passcode',
};

export const passwordLinkCheck: Check = {
  id: 'tfa-enhanced-security-password-link',
  title: 'The authentication screen’s password link reads USE PASSWORD on Android and Show Passcode on iOS',
  area: 'ESEC',
  requirements: ['ESEC-11'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { app, device } = await newWorld(context, { pair: false });
      const words = app.rules.passwordLink(device.platform);
      expectEqual(['ESEC-11'], `the ${device.platform} password link`, words, SEED_PASSWORD_LINK[device.platform]);
    }),
};
