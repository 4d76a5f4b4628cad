/**
 * The web console's notice of changes, so that its screens show a change at once instead of at their next poll (a
 * phone paired, a push approved, a backup committed, the conformance clock moved): `GET /console/changes` answers
 * `{ version }` at once, and `GET /console/changes?since=N` answers as soon as the version is past N, or after
 * WAIT_MS with it unchanged. The version counts the answered requests that may have changed something: every
 * method but GET, HEAD and OPTIONS, from any client. It is a hint only: the page then reads what it shows through
 * the console routes, and keeps polling without it. It takes the console key, like the console routes.
 */
import type { FastifyInstance } from 'fastify';

/** How long a notice waits for a change before it answers anyway (below the proxies' and browsers' idle limits). */
const WAIT_MS = 25_000;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerConsoleChanges(app: FastifyInstance, allow: (consoleKey: string | undefined) => void): void {
  let version = 0;
  let waiting = new Set<() => void>();
  const wakeAll = () => {
    const woken = waiting;
    waiting = new Set();
    for (const wake of woken) wake();
  };
  app.addHook('onResponse', (request, _reply, done) => {
    if (!READS.has(request.method)) {
      version += 1;
      wakeAll();
    }
    done();
  });
  // A closing server answers the notices still waiting instead of holding its close for them.
  app.addHook('onClose', (_app, done) => {
    wakeAll();
    done();
  });
  app.get<{ Querystring: { since?: string } }>('/console/changes', async (request) => {
    const key = request.headers['x-mbs-console-key'];
    allow(typeof key === 'string' ? key : undefined);
    // Without a version, or with another than the current one (a page that missed one, a restarted server), at once.
    if (request.query.since === undefined || Number(request.query.since) !== version) return { version };
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(wake);
        resolve();
      }, WAIT_MS);
      timer.unref();
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      waiting.add(wake);
    });
    return { version };
  });
}
