/**
 * Runs reference servers on a thread of their own, so that on a two-core machine the servers and the checks that
 * drive them each have a core. A thread holds several servers (server-threads.ts says which share one): loading the
 * server's modules is most of a thread's start, and each server's randomness is its own whatever shares its thread
 * (reference-server/services/randomness.ts). The parent sends each server to start and later to close, by id; the
 * thread answers each. A session's server is started for conformance testing: checks move its clock through the
 * protocol's conformance clock routes, like any server's, and the clock is frozen between their moves unless the
 * target runs it on the wall clock. A server a check starts as its own is started as `mbsc serve` starts one.
 */
import { parentPort } from 'node:worker_threads';
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import { startServer, type RunningServer } from '../../reference-server/server.js';
import { refuseRandomnessOutsideServers } from '../../reference-server/services/randomness.js';

export interface ServerThreadData {
  readonly edition: Edition;
  readonly dataDir: string;
  readonly faults: readonly ServerFault[];
  /**
   * A session's server: any free ports, the conformance clock on, standing still between moves (frozen) or running
   * with the wall clock. Without it, a server a check starts (own-reference-server.ts): the edition's first free
   * ports, no conformance clock.
   */
  readonly session?: { readonly frozenClock: boolean };
  /** The push notification service of a server a check starts (NET-09). */
  readonly pushWebhook?: string;
}

/**
 * What the parent sends: a server to start, or one to close, each by the id the parent gave it; a question whether
 * the thread still runs (answered `alive` at once); or, from the kit's own tests only, an error to throw uncaught, as
 * a fault in one server's code would, ending the thread and every server on it.
 */
export type ServerThreadMessage =
  | { readonly id: number; readonly start: ServerThreadData }
  | { readonly id: number; readonly close: true }
  | { readonly id: number; readonly alive: true }
  | { readonly id: number; readonly crash: string };

export interface ServerThreadReady {
  readonly url: string;
  readonly consoleKey: string;
  readonly udpPort: number;
}

/** What the thread answers for a server: up, failed to start (with the error), or closed. */
export type ServerThreadReply =
  | { readonly id: number; readonly ready: ServerThreadReady }
  | { readonly id: number; readonly failed: { readonly message: string; readonly code?: string } }
  | { readonly id: number; readonly closed: true }
  | { readonly id: number; readonly alive: true };

// The modules above are loaded before the parent says which server to start: a thread started ahead has loaded
// them by the time a session takes it (server-threads.ts).
function start(data: ServerThreadData): Promise<RunningServer> {
  const common = { edition: data.edition, dataDir: data.dataDir, host: '127.0.0.1', faults: data.faults };
  if (!data.session) {
    return startServer({
      ...common,
      name: `own ${data.edition}`,
      ...(data.pushWebhook ? { pushWebhook: data.pushWebhook } : {}),
    });
  }
  return startServer({
    ...common,
    tcpPort: 0,
    udpPort: 0,
    conformanceClock: true,
    // Frozen: time moves only when a check moves it, so a seed replays the run whatever the machine's load.
    frozenClock: data.session.frozenClock,
    name: `reference ${data.edition}`,
  });
}

/** A failed start as the parent rebuilds it: its message, and its code where it has one (a port taken, a full disk). */
function failureOf(error: unknown): { message: string; code?: string } {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? { message, code } : { message };
}

// The thread runs only servers, each within its own randomness: a draw outside all of them is a context lost on the
// way, which would shift a seeded server's draws out of replay unnoticed, so it throws instead.
refuseRandomnessOutsideServers();

const servers = new Map<number, Promise<RunningServer | undefined>>();
const reply = (message: ServerThreadReply) => parentPort?.postMessage(message);

parentPort?.on('message', (message: ServerThreadMessage) => {
  const { id } = message;
  if ('alive' in message) return reply({ id, alive: true });
  if ('crash' in message) {
    setImmediate(() => {
      throw new Error(message.crash);
    });
    return;
  }
  if ('start' in message) {
    const starting = start(message.start);
    servers.set(
      id,
      starting.catch(() => undefined),
    );
    starting.then(
      (running) =>
        reply({ id, ready: { url: running.url, consoleKey: running.consoleKey, udpPort: running.identity.udpPort } }),
      (error: unknown) => reply({ id, failed: failureOf(error) }),
    );
    return;
  }
  const server = servers.get(id);
  servers.delete(id);
  // A close that fails is answered as failed: left unhandled it would end the thread, and every server on it.
  void Promise.resolve(server)
    .then((running) => running?.close())
    .then(
      () => reply({ id, closed: true }),
      (error: unknown) => reply({ id, failed: failureOf(error) }),
    );
});
