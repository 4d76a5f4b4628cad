/**
 * Preloaded with `node --import` by a test: records every module the process loads, one URL a line, in the file
 * MBSC_LOADED_MODULES names. Through Node's module customization hooks, which every supported Node version has.
 */
import { register } from 'node:module';

register('./record-hooks.mjs', import.meta.url);
