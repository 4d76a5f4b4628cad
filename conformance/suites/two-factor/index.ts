/** The two-factor areas, in the order a run runs them: the server's side first, then the app's. */
import type { AreaSuite } from '../../kit/area.js';
import { suite as registration } from './registration/index.js';
import { suite as totp } from './totp/index.js';
import { suite as login } from './login/index.js';
import { suite as push } from './push/index.js';
import { suite as trust } from './trust/index.js';
import { suite as recovery } from './recovery/index.js';
import { suite as passwordLock } from './password-lock/index.js';
import { suite as accounts } from './accounts/index.js';
import { suite as enhancedSecurity } from './enhanced-security/index.js';

export const TWO_FACTOR_AREAS: readonly AreaSuite[] = [
  registration,
  totp,
  login,
  push,
  trust,
  recovery,
  passwordLock,
  accounts,
  enhancedSecurity,
];
