/**
 * Whether an edition's TCP or UDP range has no free port on 127.0.0.1 right now. A server that finds its range full
 * must refuse to start (seed 000 §2.5), and a neighbour's port check holds every port of a range for as long as one
 * start takes: a restart of the nemesis's server that lands in that moment ends for want of a port, not for a fault
 * of its own, and is worth starting again once the range frees.
 */
import { EDITIONS, type Edition } from '../spec/editions.js';
import { SetupError } from '../kit/setup.js';
import { bindUdp, findTcpPort, NO_FREE_PORT, NoFreePortError } from '../../reference-server/net/ports.js';

const LOOPBACK = '127.0.0.1';

/** True when the probe found no free port; any other error of the probe is the kit's and is thrown. */
async function noneFree(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return false;
  } catch (error) {
    if (error instanceof NoFreePortError) return true;
    throw error;
  }
}

export async function rangeHeld(edition: Edition): Promise<boolean> {
  const { tcp, udp } = EDITIONS[edition];
  const tcpHeld = await noneFree(() => findTcpPort(LOOPBACK, tcp));
  return tcpHeld || (await noneFree(async () => (await bindUdp(LOOPBACK, udp)).close()));
}

/** How long a start waits for its range to free before its failure stands: a port check holds it for seconds. */
const RANGE_WAIT_MS = 30_000;
const RANGE_PAUSE_MS = 250;

/** Whether a start failed for want of a free port: the reference's own refusal, or a vendor's start that ended so. */
export function endedOnFullRange(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === NO_FREE_PORT;
}

/**
 * A start of a server like the target's for a check that is not about ports (the drive checks' server on a
 * destination they choose, the push-service check's, the conformance clock's server started without it), run again
 * while it fails for want of a free port. The targets start such servers as asked, since the port checks look for
 * exactly that refusal, but a neighbour's port check holds every port of the range for as long as one start of its
 * own takes, which says nothing of the server. Any other failure stands at once. A range still full after `waitMs`
 * is a setup error: the cell errs, never reading as the server's failure.
 */
export async function startWhenRangeFrees<T>(start: () => Promise<T>, waitMs = RANGE_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await start();
    } catch (error) {
      if (!endedOnFullRange(error)) throw error;
      if (Date.now() > deadline) throw stillFull(error);
      await new Promise((resolve) => setTimeout(resolve, RANGE_PAUSE_MS));
    }
  }
}

/** The machine's, not the server's: the cell is an error, not a verdict (a vendor's start already says so). */
function stillFull(error: unknown): SetupError {
  if (error instanceof SetupError) return error;
  return new SetupError('starting a server like the target (its range stayed full)', [], { cause: error });
}
