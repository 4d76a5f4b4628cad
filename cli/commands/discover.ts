/**
 * `mbsc discover`: finds Mobile Backup Servers by UDP discovery. It asks this machine (127.0.0.1) unless told
 * otherwise; `--lan` broadcasts on the local network, as the app's "Automatically locate" does.
 */
import { EDITION_NAMES, type Edition } from '../../conformance/spec/editions.js';
import { discoverServers, discoveryPorts } from '../../simulators/mbs-client/discovery-client.js';
import { defineCommand, EXIT, integerOption, UsageError } from '../command.js';
import { table } from '../table.js';

export const discoverCommand = defineCommand({
  summary: "Find Mobile Backup Servers by UDP discovery on every edition's UDP port range.",
  options: {
    timeout: { type: 'string', description: 'How long to wait for answers, in ms', placeholder: 'MS', default: '1500' },
    host: { type: 'string', description: 'Host to ask', placeholder: 'H', default: '127.0.0.1' },
    lan: { type: 'boolean', description: 'Broadcast to 255.255.255.255 instead of asking one host' },
    edition: { type: 'string', description: 'Only servers of this edition', choices: EDITION_NAMES },
    json: { type: 'boolean', description: 'Print JSON' },
  },
  async run(options, io) {
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
  },
});
