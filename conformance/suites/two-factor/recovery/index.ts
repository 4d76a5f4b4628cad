/** The checks of the area tfa-recovery, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { recoveryCheck } from './recovery-by-sms.js';

export const suite: AreaSuite = {
  area,
  checks: [recoveryCheck],
};
