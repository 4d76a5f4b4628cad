/**
 * `mbsc discover`: finds Mobile Backup Servers by UDP discovery. It asks this machine (127.0.0.1) unless told
 * otherwise; `--lan` broadcasts on the local network, as the app's "Automatically locate" does.
 */
import { EDITION_NAMES } from '../../conformance/spec/editions.js';
import { defineCommand, lazyAction } from '../command.js';

export const DISCOVER_OPTIONS = {
  timeout: { type: 'string', description: 'How long to wait for answers, in ms', placeholder: 'MS', default: '1500' },
  host: { type: 'string', description: 'Host to ask', placeholder: 'H', default: '127.0.0.1' },
  lan: { type: 'boolean', description: 'Broadcast to 255.255.255.255 instead of asking one host' },
  edition: { type: 'string', description: 'Only servers of this edition', choices: EDITION_NAMES },
  json: { type: 'boolean', description: 'Print JSON' },
} as const;

export const discoverCommand = defineCommand({
  summary: "Find Mobile Backup Servers by UDP discovery on every edition's UDP port range.",
  options: DISCOVER_OPTIONS,
  run: lazyAction(async () => (await import('./discover-action.js')).discover),
});
