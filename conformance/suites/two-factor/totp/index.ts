/** The checks of the area tfa-totp by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { totpWindowCheck } from './code-window.js';
import { totpThrottleRealTimeCheck } from './throttle-real-time.js';
import { totpThrottlingCheck } from './throttling.js';

export const suite = defineSuite(area, {
  'code-window.ts': [totpWindowCheck],
  'throttling.ts': [totpThrottlingCheck],
  'throttle-real-time.ts': [totpThrottleRealTimeCheck],
});
