/** The options `mbsc outbox` takes: read by its help without loading its action (outbox-action.ts). */

export const OUTBOX_OPTIONS = {
  server: { type: 'string', description: 'Base URL of the server', placeholder: 'URL' },
  'console-key': { type: 'string', description: 'The console key `mbsc serve` printed', placeholder: 'KEY' },
  after: { type: 'string', description: 'Only messages after this sequence number', placeholder: 'N', default: '0' },
  json: { type: 'boolean', description: 'Print JSON' },
} as const;
