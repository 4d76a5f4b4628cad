/** The checks of the area tfa-password-lock by file, in the order a run runs them; area.ts declares what they cover. */
import { passwordLockThrottlingCheck } from './throttling.js';
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { passwordLockCheck } from './forgot-password.js';

export const suite = defineSuite(area, {
  'forgot-password.ts': [passwordLockCheck],
  'throttling.ts': [passwordLockThrottlingCheck],
});
