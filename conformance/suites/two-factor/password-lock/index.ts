/** The checks of the area tfa-password-lock, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { passwordLockCheck } from './forgot-password.js';

export const suite: AreaSuite = {
  area,
  checks: [passwordLockCheck],
};
