/**
 * Judging which ports a server took, on a machine where other programs take and free ports of the same ranges: on
 * Linux the kernel draws client connections' local ports from 32768-60999, which holds every edition's ranges, so a
 * connection made anywhere on the machine can take the port the kit has just found free. A start is judged only if
 * the kit's probe, made again once the server has gone, finds what it found before the start; else the server is
 * started again. A program that holds a port only while the server starts cannot be told from a server that passed
 * over it, and is judged as the latter.
 */
import { ClientError } from '../../spec/errors.js';
import { EDITIONS, type Edition } from '../../spec/editions.js';
import { firstFree, freeSoon } from './port-probe.js';

/** Starts made before a check gives up on the ranges standing still: an error then, never a verdict. */
export const STARTS_WHILE_RANGES_MOVE = 5;

/** How long the kit waits for a stopped server's ports to come free (a process of its own may outlive close()). */
const FREED_WAIT_MS = 3_000;

type Pair = [number?, number?];

/** The first free TCP and UDP ports of the edition's ranges from `from` on, as the kit's probe finds them now. */
async function firstFreePair(edition: Edition, from: readonly [number, number]): Promise<Pair> {
  const { tcp, udp } = EDITIONS[edition];
  return [await firstFree('tcp', tcp, from[0]), await firstFree('udp', udp, from[1])];
}

/** Waits, a bounded while, until the ports a stopped server had can be bound again. */
async function portsFreed(ports: { readonly tcp: number; readonly udp: number }): Promise<void> {
  if (await freeSoon('tcp', ports.tcp, FREED_WAIT_MS)) await freeSoon('udp', ports.udp, FREED_WAIT_MS);
}

/** Whether an error is the machine keeping a port check from judging (see judgeOnStillRanges). */
export const rangesKeptMoving = (error: unknown): boolean =>
  error instanceof ClientError && error.code === 'ports-moving';

/**
 * Probes the first free ports from `from` on, starts a server (which `start` stops again before it resolves) and
 * hands both to `judge`, which throws a verdict or returns the mismatch it found. Its outcome, pass, mismatch or a
 * start that failed, stands only if the probe finds the same ports once the server's are free again; else another program took or freed
 * one during the start, and the kit starts the server again, at most STARTS_WHILE_RANGES_MOVE times in all.
 */
export async function judgeOnStillRanges<S extends { readonly tcp: number; readonly udp: number }>(
  edition: Edition,
  from: readonly [number, number],
  start: () => Promise<S>,
  judge: (wanted: Pair, started: S) => string | void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const wanted = await firstFreePair(edition, from);
    // A start that fails is judged as a mismatch is: it stands only if the ranges stood still meanwhile.
    const outcome = await start().then(
      (started) => ({ started }),
      (failed: unknown) => ({ failed }),
    );
    const mismatch = 'started' in outcome ? judge(wanted, outcome.started) : undefined;
    if ('started' in outcome) await portsFreed(outcome.started);
    const again = await firstFreePair(edition, from);
    if (again[0] === wanted[0] && again[1] === wanted[1]) {
      if ('failed' in outcome) throw outcome.failed;
      if (typeof mismatch === 'string') throw new Error(mismatch);
      return;
    }
    if (attempt === STARTS_WHILE_RANGES_MOVE) {
      const last =
        'failed' in outcome
          ? `the server did not start: ${outcome.failed instanceof Error ? outcome.failed.message : String(outcome.failed)}`
          : (mismatch ?? `the server took TCP ${outcome.started.tcp}, UDP ${outcome.started.udp}`);
      throw new ClientError(
        'ports-moving',
        `another program took or freed ports of the ${edition} ranges during each of ${attempt} starts; the last: ${last}`,
      );
    }
  }
}
