/**
 * The process a restartable reference server runs (restartable-server.ts): the server alone, without the CLI's
 * modules, so that a restart after a SIGKILL costs the server's start-up and little else. It prints where it
 * listens in the lines `mbsc serve` prints (served-lines.ts reads them) and closes on SIGTERM.
 */
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import { startServer } from '../../reference-server/server.js';

export interface RestartableEntryOptions {
  readonly edition: Edition;
  readonly dataDir: string;
  readonly consoleKey: string;
  readonly faults: readonly ServerFault[];
  /** Bytes the data directory may hold, when no small disk could be mounted for it (reference-server/options.ts). */
  readonly diskQuota?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as RestartableEntryOptions;
const server = await startServer({
  ...options,
  // The nemesis arms them by a file in the data directory (conformance/spec/crash-points.ts).
  crashPoints: true,
  host: '127.0.0.1',
  tcpPort: 0,
  udpPort: 0,
  name: 'nemesis',
});
process.stdout.write(
  `  URL ${server.url}\n  UDP port ${server.identity.udpPort}\n  Console key ${server.consoleKey}\n`,
);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
