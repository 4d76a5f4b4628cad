/**
 * Cells whose target's servers stopped behind the kit's back (TargetSession.lost: on the reference target, the
 * thread they share ended with an uncaught error in one of them). A check that met their dead port, or their silent
 * discovery port, may have read it as the server's fault, a `fail` of a server that never got to answer: such a
 * cell is an `error` naming why, whatever its check read, and a cell that would begin on them is one without running.
 * A cell that ended before keeps its verdict: the target answers `lost` only once it knows, so servers it says are
 * not lost after a cell ran all through it.
 */
import type { TargetSession } from '../targets/target.js';
import { unreachableCell, type CellPlace } from './cell-results.js';
import type { Cell } from './summary-schema.js';

export async function unlessServersLost(
  session: TargetSession,
  place: CellPlace,
  run: () => Promise<Cell>,
): Promise<Cell> {
  const before = await session.lost?.();
  if (before) {
    const reason = `the target could not be tested: its servers were lost before this cell began: ${before}`;
    return { ...unreachableCell(place, reason), startedAt: new Date().toISOString() };
  }
  const cell = await run();
  const after = await session.lost?.();
  if (!after) return cell;
  const reason =
    `the target could not be tested to the end: its servers were lost by the time this cell ended (its check read ` +
    `${cell.verdict}, not judged): ${after}`;
  return {
    ...unreachableCell(place, reason, cell.durationMs),
    ...(cell.startedAt ? { startedAt: cell.startedAt } : {}),
  };
}
