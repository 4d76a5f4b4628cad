/** The checks of the area desktop-console by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../kit/area.js';
import { area } from './area.js';
import { loginInChromiumCheck } from './login-in-chromium.js';
import { mobileBackupScreensCheck } from './mobile-backup-in-chromium.js';
import { recoveryInChromiumCheck } from './recovery-in-chromium.js';
import { setupOfferInChromiumCheck } from './setup-offer-in-chromium.js';

export const suite = defineSuite(area, {
  'mobile-backup-in-chromium.ts': [mobileBackupScreensCheck],
  'login-in-chromium.ts': [loginInChromiumCheck],
  'recovery-in-chromium.ts': [recoveryInChromiumCheck],
  'setup-offer-in-chromium.ts': [setupOfferInChromiumCheck],
});
