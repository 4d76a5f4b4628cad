/** The checks of the area tfa-login, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { loginStatesCheck } from './login-states.js';

export const suite: AreaSuite = {
  area,
  checks: [loginStatesCheck],
};
