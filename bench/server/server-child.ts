/**
 * Entry point of a server process the benchmark forks: `server-child.js <reference|baseline> <data dir>`. A process
 * of its own gives the server its own core and lets its memory and CPU time be read apart from the clients'.
 * Speaks to the parent over IPC: sends `ready` once listening, stops on `stop`, exits when the parent goes away.
 */

export type ServerKind = 'reference' | 'baseline';

export type ChildMessage =
  | { readonly type: 'ready'; readonly url: string; readonly consoleKey: string }
  | { readonly type: 'stopped' }
  | { readonly type: 'failed'; readonly error: string };

export type ParentMessage = { readonly type: 'stop' };

async function main(): Promise<void> {
  const [kind, dataDir] = process.argv.slice(2);
  if (!process.send || (kind !== 'reference' && kind !== 'baseline') || !dataDir) {
    throw new Error('Usage: server-child.js <reference|baseline> <data dir>, forked with an IPC channel.');
  }
  const send = (message: ChildMessage) => process.send?.(message);
  const server = await start(kind, dataDir);
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'stop') return;
    server.close().then(
      () => {
        send({ type: 'stopped' });
        process.disconnect();
      },
      (error: unknown) => {
        send({ type: 'failed', error: String(error) });
        process.exit(1);
      },
    );
  });
  // A parent that crashed or was killed must not leave a server running.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 1000).unref());
  send({ type: 'ready', url: server.url, consoleKey: server.consoleKey });
}

/** Each process loads only its own server, so that the baseline's memory is not Fastify's and SQLite's. */
async function start(
  kind: ServerKind,
  dataDir: string,
): Promise<{ url: string; consoleKey: string; close(): Promise<void> }> {
  if (kind === 'baseline') {
    const { startBaselineServer } = await import('./baseline-server.js');
    return { ...(await startBaselineServer(dataDir)), consoleKey: '' };
  }
  const { startServer } = await import('../../reference-server/server.js');
  return startServer({ edition: 'pro', dataDir, host: '127.0.0.1', tcpPort: 0, udpPort: 0 });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
