/** The checks of the area tfa-trust, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { resetCheck, trustedBrowserCheck } from './trusted-browser-and-reset.js';

export const suite: AreaSuite = {
  area,
  checks: [trustedBrowserCheck, resetCheck],
};
