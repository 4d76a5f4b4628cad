/**
 * `mbsc discover`: finds Mobile Backup Servers by UDP discovery. It asks this machine (127.0.0.1) unless told
 * otherwise; `--lan` broadcasts on the local network, as the app's "Automatically locate" does.
 */
import { defineCommand, lazyAction } from '../command.js';
import { DISCOVER_OPTIONS } from './discover-options.js';

export const discoverCommand = defineCommand({
  summary: "Find Mobile Backup Servers by UDP discovery on every edition's UDP port range.",
  options: DISCOVER_OPTIONS,
  run: lazyAction(async () => (await import('./discover-action.js')).discover),
});
