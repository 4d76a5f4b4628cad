/**
 * Runs a reference server on a thread of its own, so that on a two-core machine the server and the checks that
 * drive it each have a core. The parent sends 'close'; the thread answers 'closed' and ends. The server is started
 * for conformance testing: checks move its clock through the protocol's conformance clock routes, like any server's,
 * and the clock is frozen between their moves unless the target runs it on the wall clock.
 */
import { parentPort } from 'node:worker_threads';
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import { startServer, type RunningServer } from '../../reference-server/server.js';

export interface ServerThreadData {
  readonly edition: Edition;
  readonly dataDir: string;
  readonly faults: readonly ServerFault[];
  /** Whether the conformance clock stands still between moves (default) or runs with the wall clock. */
  readonly frozenClock: boolean;
}

/** What the parent sends: the server to start (once), then 'close'. */
export type ServerThreadMessage = { readonly start: ServerThreadData } | 'close';

export interface ServerThreadReady {
  readonly url: string;
  readonly consoleKey: string;
  readonly udpPort: number;
}

// The modules above are loaded before the parent says which server to start: a thread started ahead has loaded
// them by the time a session takes it (server-threads.ts).
async function start(data: ServerThreadData): Promise<RunningServer> {
  return startServer({
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
}

let server: Promise<RunningServer> | undefined;
parentPort?.on('message', (message: ServerThreadMessage) => {
  if (message !== 'close') {
    server = start(message.start);
    // A server that cannot start ends the thread with its error, which the parent reports.
    void server.then((running) => {
      const ready: ServerThreadReady = {
        url: running.url,
        consoleKey: running.consoleKey,
        udpPort: running.identity.udpPort,
      };
      parentPort?.postMessage(ready);
    });
    return;
  }
  void server?.then((running) => running.close()).then(() => parentPort?.postMessage('closed'));
});
