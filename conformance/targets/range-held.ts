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

/** How long a reference server's start waits for its range to free before its failure stands. */
const RANGE_WAIT_MS = 30_000;
const RANGE_PAUSE_MS = 250;

/**
 * Runs `start` again while it fails because its edition's range had no free port (`full` tells such a failure): a
 * neighbour's port check holds every port of the range for as long as one start takes, which says nothing of the
 * server. Any other failure stands at once; one still `full` after `waitMs` stands as `givenUp` makes it. The port
 * checks' own starts are never tried again: a refusal on a full range is what one of them looks for.
 */
export async function retryWhileRangeFull<T>(
  start: () => Promise<T>,
  full: (error: unknown) => boolean,
  timing: { readonly waitMs: number; readonly pauseMs: number },
  givenUp: (error: unknown) => unknown = (error) => error,
): Promise<T> {
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    try {
      return await start();
    } catch (error) {
      if (!full(error)) throw error;
      if (Date.now() > deadline) throw givenUp(error);
      await new Promise((resolve) => setTimeout(resolve, timing.pauseMs));
    }
  }
}

/**
 * A reference server's start for a check that is not about ports (the drive checks' server on a destination they
 * choose), tried again while it fails for want of a free port. A range still full after `waitMs` is a setup error:
 * the cell errs, never reading as the server's failure.
 */
export function startWhenRangeFrees<T>(start: () => Promise<T>, waitMs = RANGE_WAIT_MS): Promise<T> {
  return retryWhileRangeFull(
    start,
    (error) => (error as { code?: unknown } | undefined)?.code === NO_FREE_PORT,
    { waitMs, pauseMs: RANGE_PAUSE_MS },
    // Still no port once the wait is over: the machine's, not the server's; the cell is an error, not a verdict.
    (error) => new SetupError('starting a server like the target (its range stayed full)', [], { cause: error }),
  );
}
