/** The checks of the area tfa-push, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { loginPushModelCheck } from './login-push.js';
import { appPushCheck } from './app-approval.js';
import { UI_2FA_PUSH_CHECKS } from './app-approval-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [loginPushModelCheck, appPushCheck, ...UI_2FA_PUSH_CHECKS],
};
