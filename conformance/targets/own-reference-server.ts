/**
 * Another reference server of an edition and variant, for a check that starts servers of its own (the port
 * checks): on 127.0.0.1 with no port given, in a data directory of its own that goes when it stops (beside the
 * edition's servers' data, scratch-root.ts), on the thread of the edition's servers, `thread` (server-threads.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { scratchRoot } from './scratch-root.js';
import { startOnServerThread } from './server-threads.js';
import type { OwnServer } from './target.js';

const LOOPBACK = '127.0.0.1';

export function ownReferenceServer(
  edition: Edition,
  faults: readonly ServerFault[],
  thread: string,
): (pushWebhook?: string, givenDataDir?: string) => Promise<OwnServer> {
  return async (pushWebhook?: string, givenDataDir?: string) => {
    // A data directory the caller gives stays the caller's to remove.
    const dataDir = givenDataDir ?? mkdtempSync(path.join(scratchRoot(), `mbsc-own-${edition}-`));
    const removeData = () => {
      if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    };
    try {
      // On the thread of the edition's servers, which has their modules loaded: not on the checks' thread, where
      // loading them would take most of a second of its CPU.
      const server = await startOnServerThread(thread, {
        edition,
        dataDir,
        faults: [...faults],
        ...(pushWebhook ? { pushWebhook } : {}),
      });
      return {
        url: server.url,
        host: LOOPBACK,
        udpPort: server.udpPort,
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
