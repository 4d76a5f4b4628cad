/** What `mbsc outbox` does once its options are parsed (outbox.ts declares them). */
import type { OutboxMessage } from '../../conformance/spec/protocol/two-factor.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { EXIT, integerOption, isHttpUrl, UsageError, type CommandIo, type ParsedOptions } from '../command.js';
import { table } from '../table.js';
import type { OUTBOX_OPTIONS } from './outbox-options.js';

export async function listOutbox(options: ParsedOptions<typeof OUTBOX_OPTIONS>, io: CommandIo): Promise<number> {
  if (!options.server || !options['console-key']) throw new UsageError('Give --server and --console-key.');
  if (!isHttpUrl(options.server)) {
    throw new UsageError(`--server must be a URL such as http://127.0.0.1:50000, not "${options.server}".`);
  }
  const client = new MbsClient({ baseUrl: new URL(options.server).href, consoleKey: options['console-key'] });
  const messages: OutboxMessage[] = [];
  let after = integerOption('after', options.after, 0, Number.MAX_SAFE_INTEGER) as number;
  for (;;) {
    const page = await client.call('listOutbox', { query: { after, limit: 100 } });
    messages.push(...page.messages);
    // A page may hold fewer than `limit` messages while more follow: only an empty page (or a stuck `last`) ends it.
    if (page.messages.length === 0 || page.last <= after) break;
    after = page.last;
  }
  if (options.json) {
    io.out(JSON.stringify(messages, null, 2));
  } else if (messages.length === 0) {
    io.out('The outbox is empty.');
  } else {
    io.out(
      table(
        ['SEQ', 'SENT', 'CHANNEL', 'FROM', 'TO', 'MESSAGE'],
        messages.map((m) => [
          String(m.seq),
          new Date(m.sentAt).toISOString(),
          m.channel,
          // An SMS names no sender; an e-mail's (PWL-16) is shown as the server sent it.
          m.from ?? '-',
          m.to,
          [m.subject, m.text].filter(Boolean).join(' | ').replaceAll('\n', ' '),
        ]),
      ),
    );
  }
  return EXIT.ok;
}
