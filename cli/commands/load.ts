/**
 * `mbsc load`: drives simulated phones through pairing, backup, restore and 2FA logins against a server, and
 * reports latency percentiles, errors by code and throughput. Bounded in phones and time; loopback only unless told.
 */
import { defineCommand, lazyAction } from '../command.js';
import { LOAD_OPTIONS } from './load-options.js';

export const loadCommand = defineCommand({
  summary: 'Drive simulated phones against a server (pair, back up, restore, 2FA logins) and report latency.',
  options: LOAD_OPTIONS,
  run: lazyAction(async () => (await import('./load-action.js')).load),
});
