/** The checks of the area tfa-push by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { loginPushModelCheck } from './login-push.js';
import { appPushCheck } from './app-approval.js';
import { UI_2FA_PUSH_CHECKS } from './app-approval-screens.js';
import { pushLifetimeRealTimeCheck } from './lifetime-real-time.js';

export const suite = defineSuite(area, {
  'login-push.ts': [loginPushModelCheck],
  'app-approval.ts': [appPushCheck],
  'app-approval-screens.ts': [...UI_2FA_PUSH_CHECKS],
  'lifetime-real-time.ts': [pushLifetimeRealTimeCheck],
});
