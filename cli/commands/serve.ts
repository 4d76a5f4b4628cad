/** `mbsc serve`: runs the reference Mobile Backup Server until SIGINT or SIGTERM. */
import { defineCommand, lazyAction } from '../command.js';
import { SERVE_OPTIONS } from './serve-options.js';

export const serveCommand = defineCommand({
  summary: 'Start the reference Mobile Backup Server; print its actual ports and a pairing QR code.',
  options: SERVE_OPTIONS,
  run: lazyAction(async () => (await import('./serve-action.js')).serve),
});
