/**
 * `mbsc demo` (what `npm start` runs until the conformance runner exists): starts the reference server on this
 * machine, pairs a demo device from the scanned QR payload, backs up a few generated photos and videos, restores
 * one byte for byte, finds the server by UDP discovery, and stops.
 */
import { defineCommand, lazyAction } from '../command.js';
import { DEMO_OPTIONS } from './demo-options.js';

export const demoCommand = defineCommand({
  summary: 'Start the reference server on 127.0.0.1, pair a demo device, back up, restore, discover, stop.',
  options: DEMO_OPTIONS,
  run: lazyAction(async () => (await import('./demo-action.js')).runDemo),
});
