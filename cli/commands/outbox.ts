/**
 * `mbsc outbox`: the SMS and e-mail messages a running reference server sent through its outbox gateway (recovery
 * codes, password lock codes), read over HTTP with the console key that `mbsc serve` prints.
 */
import { defineCommand, lazyAction } from '../command.js';
import { OUTBOX_OPTIONS } from './outbox-options.js';

export const outboxCommand = defineCommand({
  summary: 'List the SMS and e-mail messages a reference server sent through its outbox.',
  options: OUTBOX_OPTIONS,
  run: lazyAction(async () => (await import('./outbox-action.js')).listOutbox),
});
