/** The checks of the area tfa-enhanced-security, in the order a run runs them; area.ts declares what they cover. */
import type { AreaSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { enhancedSecurityCheck } from './model-in-process.js';
import { uiEnhancedSecurityCheck } from './model-screens.js';

export const suite: AreaSuite = {
  area,
  checks: [enhancedSecurityCheck, uiEnhancedSecurityCheck],
};
