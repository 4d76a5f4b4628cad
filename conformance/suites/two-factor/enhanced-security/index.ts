/** The checks of the area tfa-enhanced-security by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { enhancedSecurityCheck } from './model-in-process.js';
import { uiEnhancedSecurityCheck } from './model-screens.js';
import { passwordLinkCheck } from './password-link.js';
import { uiPasswordLinkCheck } from './password-link-screens.js';
import { uiSecuritySaysCheck } from './says-screens.js';

export const suite = defineSuite(area, {
  'model-in-process.ts': [enhancedSecurityCheck],
  'model-screens.ts': [uiEnhancedSecurityCheck],
  'password-link.ts': [passwordLinkCheck],
  'password-link-screens.ts': [uiPasswordLinkCheck],
  'says-screens.ts': [uiSecuritySaysCheck],
});
