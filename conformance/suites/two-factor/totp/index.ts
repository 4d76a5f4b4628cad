/** The checks of the area tfa-totp, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { totpWindowCheck } from './code-window.js';

export const suite: AreaSuite = {
  area,
  checks: [totpWindowCheck],
};
