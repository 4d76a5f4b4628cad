/**
 * The servers of an edition's exclusive checks, where the target starts a server per session: an exclusive check
 * must never share its server with another check, so they run one at a time on servers of their own while the other
 * cells share the first. They start beside the first server, not after it (each start is seconds of module loading
 * on a busy machine), and, when the exclusive cells weigh more than a long cell, on two servers instead of one: in a
 * smoke run one edition's exclusive cells in a row (the console's checks in Chromium among them) outlasted all its
 * other cells together.
 */
import { ClientError } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import { askInfo } from '../targets/ask-info.js';
import type { Target, TargetSession } from '../targets/target.js';
import { cellWeight } from './cell-weights.js';
import type { PlannedCell } from './planned-cells.js';
import { phasesOf } from './real-time-cells.js';
import { surelySkipped } from './surely-skipped.js';

/** The exclusive cells' servers, each answering its session once up, or nothing if it failed to start. */
export type Asides = readonly Promise<TargetSession | undefined>[];

/** Exclusive cells that weigh more than this, in the weight table's seconds, take a second server. */
const SECOND_SERVER_SECONDS = 10;

/** The exclusive cells' servers for `cells`, started now: one, or two when they weigh enough to share. */
export function startAsides(target: Target, edition: Edition, cells: readonly PlannedCell[]): Asides {
  const weight = cells.reduce((sum, { check }) => sum + cellWeight(check.id), 0);
  const count = cells.length > 1 && weight > SECOND_SERVER_SECONDS ? 2 : 1;
  return Array.from({ length: count }, () => asideSession(target, edition));
}

/**
 * The exclusive cells' servers started ahead of the edition's first, when they may be needed: the target starts a
 * server per session, other cells share the first, and some exclusive cell is not skipped whatever the session
 * (Home's 2FA checks are).
 */
export function asidesAhead(target: Target, edition: Edition, tasks: readonly PlannedCell[]): Asides {
  const { alone, pooled } = phasesOf(tasks);
  const mayApply = alone.filter((t) => !surelySkipped(t.check, t.column));
  if (target.serverPerOpen !== true || pooled.length === 0 || mayApply.length === 0) return [];
  return startAsides(target, edition, mayApply);
}

/** Servers started ahead and not needed after all. */
export async function dropAsides(asides: Asides): Promise<void> {
  await Promise.all(asides.map(async (aside) => (await aside)?.close()));
}

/**
 * Runs `cells` in their order (the caller's: longest first), one at a time on each server of `asides` as it comes
 * up, and closes each. `freed` is the edition's first server once no other check runs on it (its pool has ended):
 * it takes the next exclusive cell too, one at a time, so the last of them do not wait in line for the asides while
 * it stands idle; it stays open. It drains what the asides leave, so every cell has run when this resolves, even
 * when no aside started.
 */
export async function runAside<T extends PlannedCell>(
  asides: Asides,
  cells: readonly T[],
  run: (on: TargetSession, cell: T) => Promise<void>,
  freed: Promise<TargetSession>,
): Promise<void> {
  const queue = [...cells];
  let next = 0;
  const drain = async (on: TargetSession) => {
    while (next < queue.length) await run(on, queue[next++] as T);
  };
  await Promise.all([
    ...asides.map(async (aside) => {
      const second = await aside;
      if (!second) return;
      try {
        await drain(second);
      } finally {
        await second.close();
      }
    }),
    freed.then(drain),
  ]);
}

/**
 * A server of the edition for exclusive checks; none if it fails to start or to answer. It starts on the next turn,
 * so that the first server of every edition, opened in this one, takes the threads `mbsc run` started ahead.
 */
async function asideSession(target: Target, edition: Edition): Promise<TargetSession | undefined> {
  await new Promise((resolve) => setImmediate(resolve));
  try {
    const session = await target.open(edition);
    if (!(await probe(session))) return session;
    await session.close();
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the server who it is: an unreachable or garbled target stops the run before any check. Asked as every first
 * contact asks (ask-info.ts): a server just started on a busy machine is not taken for an unreachable one.
 */
export async function probe(session: TargetSession): Promise<ClientError | undefined> {
  const answer = await askInfo(session.url);
  if ('error' in answer) return answer.error;
  if (answer.info.edition === session.edition) return undefined;
  return new ClientError(
    'protocol-violation',
    `the server says it is the ${answer.info.edition} edition, not ${session.edition}`,
  );
}
