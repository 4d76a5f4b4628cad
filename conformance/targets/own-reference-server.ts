/**
 * Another reference server of an edition and variant, for a check that starts servers of its own (the port
 * checks): on 127.0.0.1 with no port given, in a data directory of its own that goes when it stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { OwnServer } from './target.js';

const LOOPBACK = '127.0.0.1';

export function ownReferenceServer(
  edition: Edition,
  faults: readonly ServerFault[],
): (pushWebhook?: string, givenDataDir?: string) => Promise<OwnServer> {
  return async (pushWebhook?: string, givenDataDir?: string) => {
    // A data directory the caller gives stays the caller's to remove.
    const dataDir = givenDataDir ?? mkdtempSync(path.join(tmpdir(), `mbsc-own-${edition}-`));
    const removeData = () => {
      if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    };
    try {
      // Loaded by the first check that starts one, not with the kit: the server's modules (Fastify, SQLite) are a
      // quarter of a second of the runner's start-up, and most selections start no server of their own.
      const { startServer } = await import('../../reference-server/server.js');
      const server = await startServer({
        edition,
        dataDir,
        host: LOOPBACK,
        name: `own ${edition}`,
        faults: [...faults],
        ...(pushWebhook ? { pushWebhook } : {}),
      });
      return {
        url: server.url,
        host: LOOPBACK,
        udpPort: server.identity.udpPort,
        console: new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey }),
        async close() {
          await server.close();
          removeData();
        },
      };
    } catch (error) {
      removeData();
      throw error;
    }
  };
}
