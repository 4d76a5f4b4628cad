/**
 * The ends of an edition's ranges (seed 000 §2.5): with every port of a range held but its last, the server takes
 * that last port; with every port held, it refuses to start rather than leave its range. Other programs of the
 * machine hold ports of the same ranges and let them go at any moment (other servers, client connections), so a
 * start is judged only on what it shows whatever they do: a server outside its range is a finding; a server on a
 * port of the range another program let go of meanwhile, or a start that ended for another reason than a full
 * range, leaves the check unable to say (`ports-moving`, or the start's own error), never passing it.
 */
import { SetupError } from '../../kit/setup.js';
import { Violation } from '../../kit/violation.js';
import { ClientError } from '../../spec/errors.js';
import { EDITIONS } from '../../spec/editions.js';
import type { TargetSession } from '../../targets/target.js';
import { endedOnFullRange } from '../../targets/range-held.js';
import { firstFree, freeSoon, hold, HELD_WAIT_MS, inRange, isFree, portsOf, type Range } from './port-probe.js';

type Kind = 'tcp' | 'udp';

interface Started {
  readonly tcp: number;
  readonly udp: number;
}

type Outcome = { readonly started: Started } | { readonly failed: unknown };

const moving = (message: string) => new ClientError('ports-moving', message);
const span = (kind: Kind, range: Range) => `${kind.toUpperCase()} ${range.first}-${range.last}`;

/**
 * Starts a server with every port of `range` held but `leftFree`, and says how it went and which ports other
 * programs held when the kit took the rest but let go of by the time the server had started (or refused).
 */
async function startWithRangeHeld(
  kind: Kind,
  range: Range,
  leftFree: readonly number[],
  start: () => Promise<Started>,
): Promise<{ outcome: Outcome; freed: number[] }> {
  const all = await hold(
    kind,
    portsOf(range).filter((p) => !leftFree.includes(p)),
  );
  try {
    const outcome = await start().then(
      (started): Outcome => ({ started }),
      (failed: unknown): Outcome => ({ failed }),
    );
    const ours = new Set([...all.ports, ...leftFree]);
    const freed: number[] = [];
    for (const port of portsOf(range)) if (!ours.has(port) && (await isFree(kind, port))) freed.push(port);
    return { outcome, freed };
  } finally {
    await all.release();
  }
}

/**
 * With every port of each range held, the server refuses to start (NET-05). A server that left its range fails,
 * whatever else happened; one that took a port of its range took one another program let go of: no verdict. The
 * port just past the range must be free, since a server that leaves its range goes there first: held by another
 * program, the kit could not see it go, and says so rather than pass.
 */
export async function fullRange(session: TargetSession, start: () => Promise<Started>): Promise<void> {
  const { tcp, udp } = EDITIONS[session.edition];
  for (const kind of ['tcp', 'udp'] as const) {
    const range = kind === 'tcp' ? tcp : udp;
    const past = range.last + 1;
    if (!(await freeSoon(kind, past))) {
      throw moving(
        `another program held ${kind.toUpperCase()} ${past}, just past ${span(kind, range)}, for ${HELD_WAIT_MS} ms: a server that left ` +
          'its range for it could not be told from one that refused to start',
      );
    }
    const { outcome, freed } = await startWithRangeHeld(kind, range, [], start);
    if ('started' in outcome) {
      const took = outcome.started[kind];
      if (!inRange(took, range)) {
        throw new Violation(
          ['NET-05'],
          `with every port of ${span(kind, range)} taken, the server started on ${kind.toUpperCase()} ${took}`,
        );
      }
      throw moving(`another program let go of ${kind.toUpperCase()} ${took} while the rest of its range was taken`);
    }
    if (freed.length > 0) {
      throw moving(`another program let go of ${kind.toUpperCase()} ${freed.join(', ')} while the server started`);
    }
    // A start that ended otherwise (too slow to answer, a crash) says nothing of the range: its error stands.
    if (!endedOnFullRange(outcome.failed)) throw outcome.failed;
  }
}

/**
 * With every port of one range held but its last, the server takes that last port: the next free one is still in
 * its range (a range cut short, Lite's TCP range taken as 100 ports like the others', fails to start; NET-04), and
 * a server outside it fails whatever else moved. A last port another program holds, a port of the range another
 * program let go of while the server started, or the other range held whole by other programs leaves nothing to
 * judge: `ports-moving`, never a pass; a server that takes the last port as told passes.
 */
export async function lastOfRange(session: TargetSession, start: () => Promise<Started>): Promise<void> {
  const { tcp, udp } = EDITIONS[session.edition];
  for (const kind of ['tcp', 'udp'] as const) {
    const range = kind === 'tcp' ? tcp : udp;
    const [otherKind, other] = kind === 'tcp' ? (['udp', udp] as const) : (['tcp', tcp] as const);
    const task = `with every ${span(kind, range)} port taken but ${range.last}`;
    if (!(await freeSoon(kind, range.last))) {
      throw moving(
        `another program held ${kind.toUpperCase()} ${range.last}, the last of ${span(kind, range)}, for ${HELD_WAIT_MS} ms`,
      );
    }
    const { outcome, freed } = await startWithRangeHeld(kind, range, [range.last], start);
    const took = 'started' in outcome ? outcome.started[kind] : undefined;
    if (took === range.last) continue;
    // Outside its range is a finding whatever else moved: nothing another program does sends a server there.
    if (took !== undefined && !inRange(took, range))
      throw new Violation(['NET-04'], `${task}, the server took ${took}`);
    if (took !== undefined) throw moving(`another program let go of ${kind.toUpperCase()} ${took} ${task}`);
    // A refusal is judged only if the last port is still free and nothing else came free meanwhile.
    if (freed.length > 0 || !(await isFree(kind, range.last))) {
      throw moving(`other programs took or freed ports of ${span(kind, range)} while the server started ${task}`);
    }
    const failed = 'failed' in outcome ? outcome.failed : undefined;
    // Not a refusal to start (an answer too slow, a protocol error): its error stands.
    if (!(failed instanceof SetupError) && !endedOnFullRange(failed)) throw failed;
    // Every port of the other range held by other programs is a refusal the kit cannot charge to this range.
    if ((await firstFree(otherKind, other)) === undefined) {
      throw moving(`other programs hold every port of ${span(otherKind, other)}`);
    }
    const cause = failed instanceof SetupError ? failed.cause : failed;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new Violation(['NET-04'], `${task}, the server did not start: ${why}`);
  }
}
