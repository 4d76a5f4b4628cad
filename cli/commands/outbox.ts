/**
 * `mbsc outbox`: the SMS and e-mail messages a running reference server sent through its outbox gateway (recovery
 * codes, password lock codes), read over HTTP with the console key that `mbsc serve` prints.
 */
import { defineCommand, lazyAction } from '../command.js';

export const OUTBOX_OPTIONS = {
  server: { type: 'string', description: 'Base URL of the server', placeholder: 'URL' },
  'console-key': { type: 'string', description: 'The console key `mbsc serve` printed', placeholder: 'KEY' },
  after: { type: 'string', description: 'Only messages after this sequence number', placeholder: 'N', default: '0' },
  json: { type: 'boolean', description: 'Print JSON' },
} as const;

export const outboxCommand = defineCommand({
  summary: 'List the SMS and e-mail messages a reference server sent through its outbox.',
  options: OUTBOX_OPTIONS,
  run: lazyAction(async () => (await import('./outbox-action.js')).listOutbox),
});
