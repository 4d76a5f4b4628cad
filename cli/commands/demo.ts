/**
 * `mbsc demo` (what `npm start` runs until the conformance runner exists): starts the reference server on this
 * machine, pairs a demo device from the scanned QR payload, backs up a few generated photos and videos, restores
 * one byte for byte, finds the server by UDP discovery, and stops.
 */
import { defineCommand, lazyAction } from '../command.js';

export const DEMO_OPTIONS = {
  data: {
    type: 'string',
    description: 'Data directory to keep (default: a temporary one, removed after)',
    placeholder: 'DIR',
  },
  photos: { type: 'string', description: 'Number of generated photos', placeholder: 'N', default: '12' },
  videos: { type: 'string', description: 'Number of generated videos', placeholder: 'N', default: '2' },
} as const;

export const demoCommand = defineCommand({
  summary: 'Start the reference server on 127.0.0.1, pair a demo device, back up, restore, discover, stop.',
  options: DEMO_OPTIONS,
  run: lazyAction(async () => (await import('./demo-action.js')).runDemo),
});
