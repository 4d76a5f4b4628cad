/** The checks of the area tfa-recovery by file, in the order a run runs them; area.ts declares what they cover. */
import { recoveryThrottlingCheck } from './throttling.js';
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { recoveryCheck } from './recovery-by-sms.js';
import { recoveryCodeLifetimeRealTimeCheck } from './code-lifetime-real-time.js';
import { recoveryThrottleRealTimeCheck } from './throttle-real-time.js';
import { recoverySendLimitCheck } from './send-limit.js';
import { phoneAndEmailSendLimitCheck } from './phone-and-email-send-limit.js';

export const suite = defineSuite(area, {
  'recovery-by-sms.ts': [recoveryCheck],
  'throttling.ts': [recoveryThrottlingCheck],
  'send-limit.ts': [recoverySendLimitCheck],
  'phone-and-email-send-limit.ts': [phoneAndEmailSendLimitCheck],
  'code-lifetime-real-time.ts': [recoveryCodeLifetimeRealTimeCheck],
  'throttle-real-time.ts': [recoveryThrottleRealTimeCheck],
});
