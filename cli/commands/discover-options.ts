/** The options `mbsc discover` takes: read by its help without loading its action (discover-action.ts). */
import { EDITION_NAMES } from '../../conformance/spec/editions.js';

export const DISCOVER_OPTIONS = {
  timeout: { type: 'string', description: 'How long to wait for answers, in ms', placeholder: 'MS', default: '1500' },
  host: { type: 'string', description: 'Host to ask', placeholder: 'H', default: '127.0.0.1' },
  lan: { type: 'boolean', description: 'Broadcast to 255.255.255.255 instead of asking one host' },
  edition: { type: 'string', description: 'Only servers of this edition', choices: EDITION_NAMES },
  json: { type: 'boolean', description: 'Print JSON' },
} as const;
