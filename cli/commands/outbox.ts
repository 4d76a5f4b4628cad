/**
 * `mbsc outbox`: the SMS and e-mail messages a running reference server sent through its outbox gateway (recovery
 * codes, password lock codes), read over HTTP with the console key that `mbsc serve` prints.
 */
import type { OutboxMessage } from '../../conformance/spec/protocol/two-factor.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { defineCommand, EXIT, integerOption, UsageError } from '../command.js';
import { table } from '../table.js';

export const outboxCommand = defineCommand({
  summary: 'List the SMS and e-mail messages a reference server sent through its outbox.',
  options: {
    server: { type: 'string', description: 'Base URL of the server', placeholder: 'URL' },
    'console-key': { type: 'string', description: 'The console key `mbsc serve` printed', placeholder: 'KEY' },
    after: { type: 'string', description: 'Only messages after this sequence number', placeholder: 'N', default: '0' },
    json: { type: 'boolean', description: 'Print JSON' },
  },
  async run(options, io) {
    if (!options.server || !options['console-key']) throw new UsageError('Give --server and --console-key.');
    let baseUrl: URL;
    try {
      baseUrl = new URL(options.server);
    } catch {
      throw new UsageError(`--server must be a URL such as http://127.0.0.1:50000, not "${options.server}".`);
    }
    const client = new MbsClient({ baseUrl: baseUrl.href, consoleKey: options['console-key'] });
    const messages: OutboxMessage[] = [];
    let after = integerOption('after', options.after, 0, Number.MAX_SAFE_INTEGER) as number;
    for (;;) {
      const page = await client.call('listOutbox', { query: { after, limit: 100 } });
      messages.push(...page.messages);
      if (page.messages.length < 100) break;
      after = page.last;
    }
    if (options.json) {
      io.out(JSON.stringify(messages, null, 2));
    } else if (messages.length === 0) {
      io.out('The outbox is empty.');
    } else {
      io.out(
        table(
          ['SEQ', 'SENT', 'CHANNEL', 'TO', 'MESSAGE'],
          messages.map((m) => [
            String(m.seq),
            new Date(m.sentAt).toISOString(),
            m.channel,
            m.to,
            [m.subject, m.text].filter(Boolean).join(' | ').replaceAll('\n', ' '),
          ]),
        ),
      );
    }
    return EXIT.ok;
  },
});
