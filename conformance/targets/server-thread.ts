/**
 * Runs a reference server on a thread of its own, so that on a two-core machine the server and the checks that
 * drive it each have a core. The parent sends 'close'; the thread answers 'closed' and ends. The server is started
 * for conformance testing: checks move its clock through the protocol's conformance clock routes, like any server's,
 * and the clock is frozen between their moves unless the target runs it on the wall clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import { startServer } from '../../reference-server/server.js';

export interface ServerThreadData {
  readonly edition: Edition;
  readonly dataDir: string;
  readonly faults: readonly ServerFault[];
  /** Whether the conformance clock stands still between moves (default) or runs with the wall clock. */
  readonly frozenClock: boolean;
}

export interface ServerThreadReady {
  readonly url: string;
  readonly consoleKey: string;
  readonly udpPort: number;
}

const data = workerData as ServerThreadData;
const server = await startServer({
  edition: data.edition,
  dataDir: data.dataDir,
  host: '127.0.0.1',
  tcpPort: 0,
  udpPort: 0,
  conformanceClock: true,
  // Frozen: time moves only when a check moves it, so a seed replays the run whatever the machine's load.
  frozenClock: data.frozenClock,
  name: `reference ${data.edition}`,
  faults: data.faults,
});
const ready: ServerThreadReady = { url: server.url, consoleKey: server.consoleKey, udpPort: server.identity.udpPort };
parentPort?.postMessage(ready);
parentPort?.on('message', (message) => {
  if (message !== 'close') return;
  void server.close().then(() => parentPort?.postMessage('closed'));
});
