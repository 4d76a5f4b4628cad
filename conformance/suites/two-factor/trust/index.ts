/** The checks of the area tfa-trust by file, in the order a run runs them; area.ts declares what they cover. */
import { defineSuite } from '../../../kit/area.js';
import { area } from './area.js';
import { resetCheck, trustedBrowserCheck } from './trusted-browser-and-reset.js';

export const suite = defineSuite(area, {
  'trusted-browser-and-reset.ts': [trustedBrowserCheck, resetCheck],
});
