/**
 * Automatic mode must dial the port the LAN's answer gives (PAIR-06), which an app dialing the edition's first TCP
 * port passes as long as the server sits there. The reference target's session servers take any free port; a
 * vendor's may sit on the default: then the check starts a server like it while it runs, which the busy default
 * moves to the next port of the range, and repeats automatic mode there. Targets that start no servers of their
 * own (a vendor's without `--own-server`) are judged on their one server only. A server started ON the default (a
 * remote target's, the default free here) proves nothing: the steps are skipped, and the check says so.
 */
import type { DeviceCheckContext } from '../../kit/check.js';
import { EDITIONS } from '../../spec/editions.js';
import { startWhenRangeFrees } from '../../targets/range-held.js';

/**
 * Runs `steps` with the session pointed at another server like the target's, when the target's sits on the default:
 * why they were skipped, when the server started there too, else undefined.
 */
export async function offTheDefaultPort(
  context: DeviceCheckContext,
  steps: (context: DeviceCheckContext) => Promise<void>,
): Promise<string | undefined> {
  const { session } = context;
  const start = session.startOwnServer;
  const onDefault = (url: string) => Number(new URL(url).port) === EDITIONS[session.edition].tcp.first;
  if (!start || !onDefault(session.url)) return undefined;
  const own = await startWhenRangeFrees(start);
  try {
    const { url, host, udpPort, console } = own;
    if (onDefault(url)) {
      return (
        `the server started beside the target's took the default TCP port ${new URL(url).port} too ` +
        "(the target's is not on this machine): an app that dials the default finds it there"
      );
    }
    await steps({ ...context, session: { ...session, url, host, udpPort, console } });
    return undefined;
  } finally {
    await own.close();
  }
}
