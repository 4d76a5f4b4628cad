/** What `mbsc discover` does once its options are parsed (discover.ts declares them). */
import { type Edition } from '../../conformance/spec/editions.js';
import { discoverServers, discoveryPorts } from '../../simulators/mbs-client/discovery-client.js';
import { EXIT, integerOption, UsageError, type CommandIo, type ParsedOptions } from '../command.js';
import { table } from '../table.js';
import type { DISCOVER_OPTIONS } from './discover-options.js';

export async function discover(options: ParsedOptions<typeof DISCOVER_OPTIONS>, io: CommandIo): Promise<number> {
  const timeoutMs = integerOption('timeout', options.timeout, 1, 60_000) as number;
  if (options.lan && options.host !== '127.0.0.1') throw new UsageError('Give either --lan or --host, not both.');
  const edition = options.edition as Edition | undefined;
  const servers = await discoverServers({
    host: options.lan ? '255.255.255.255' : options.host,
    broadcast: options.lan,
    ports: discoveryPorts(edition),
    timeoutMs,
    ...(edition ? { edition } : {}),
  });
  if (options.json) {
    io.out(JSON.stringify(servers, null, 2));
  } else if (servers.length === 0) {
    io.out(`No server answered within ${timeoutMs} ms.`);
  } else {
    io.out(
      table(
        ['SERVER', 'EDITION', 'HOST', 'TCP', 'UDP', 'NAME'],
        servers.map((s) => [s.serverId, s.edition, s.host, String(s.tcpPort), String(s.udpPort), s.name]),
      ),
    );
  }
  return servers.length > 0 ? EXIT.ok : EXIT.failed;
}
