/**
 * The cells of a run split between worker threads: on two cores the checks' own thread was the bottleneck (the run
 * used 116 % of one core), so each thread runs a share of the cells, of about equal weight (cell-weights.ts), on
 * servers of its own, and sends each finished cell back here, where alone the run is recorded and reported. A
 * thread that stops before all its cells are back leaves each missing cell an `error` whose reason says so: a
 * crashed thread never reads as a pass. The thread's side is share-thread.ts.
 */
import { Worker } from 'node:worker_threads';
import { ClientError, type ClientErrorCode } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import type { Cell } from './summary-schema.js';
import { columnName, type Check, type Column } from '../kit/check.js';
import type { PlannedCell } from './planned-cells.js';
import { cellId } from './smoke-cells.js';
import { splitByWeight } from './cell-weights.js';
import { unreachableCell } from './cell-results.js';
import { describeError } from './thrown-errors.js';

/** How a run spreads its cells over threads: each thread loads `entry` with `data` and its share's cell ids. */
export interface CellThreads {
  readonly count: number;
  /** The file of a module that rebuilds the run's target and checks from `data` and calls `runShare` (share-thread.ts). */
  readonly entry: string;
  readonly data: unknown;
}

/** What a thread is given: the run's own data and the ids (`check@column`) of the cells it runs. */
export interface ShareData {
  readonly data: unknown;
  readonly cells: readonly string[];
}

/** What a thread sends back: each cell as it ends, then why its target could not be tested, if it could not. */
export type ShareMessage =
  | { readonly kind: 'cell'; readonly id: string; readonly cell: Cell; readonly ran: boolean }
  | { readonly kind: 'end'; readonly problem?: { readonly code: ClientErrorCode; readonly message: string } };

type Done = (check: Check, column: Column, cell: Cell, ran: boolean) => Promise<void>;

/** Runs `cells` on `threads.count` threads; answers the first reason a target could not be tested, if any. */
export async function runOnThreads(
  threads: CellThreads,
  cells: readonly PlannedCell[],
  done: Done,
): Promise<ClientError | undefined> {
  const byId = new Map(cells.map((c) => [cellId(c.check.id, columnName(c.column)), c]));
  const shares = splitByWeight(cells, threads.count).filter((ids) => ids.length > 0);
  const problems = await Promise.all(shares.map((ids) => runShareThread(threads, ids, byId, done)));
  return problems.find((problem) => problem !== undefined);
}

async function runShareThread(
  threads: CellThreads,
  ids: readonly string[],
  byId: ReadonlyMap<string, PlannedCell>,
  done: Done,
): Promise<ClientError | undefined> {
  const owed = new Set(ids);
  // Cells are recorded one after another, in the order they arrive, as on one thread.
  let recorded = Promise.resolve();
  const record = (id: string, cell: Cell, ran: boolean) => {
    const planned = byId.get(id);
    if (!planned || !owed.delete(id)) return;
    recorded = recorded.then(() => done(planned.check, planned.column, cell, ran));
  };
  const worker = new Worker(threads.entry, { workerData: { data: threads.data, cells: ids } satisfies ShareData });
  let problem: ClientError | undefined;
  let ended = false;
  const stopped = await new Promise<string | undefined>((resolve) => {
    let failure: string | undefined;
    worker.on('message', (message: ShareMessage) => {
      if (message.kind === 'cell') return record(message.id, message.cell, message.ran);
      ended = true;
      if (message.problem) problem = new ClientError(message.problem.code, message.problem.message);
    });
    worker.on('error', (error) => (failure ??= describeError(error)));
    worker.on('exit', (code) => resolve(failure ?? (ended ? undefined : `it exited with code ${code}`)));
  });
  const reason = `the kit failed: the thread running this cell stopped before it ended (${stopped ?? 'it ended without sending it'})`;
  for (const id of owed) {
    const { column } = byId.get(id) as PlannedCell;
    record(id, { ...lostCell(column, reason), startedAt: new Date().toISOString() }, true);
  }
  await recorded;
  return problem;
}

function lostCell(column: Column, reason: string): Cell {
  const place = { column: columnName(column), edition: column.edition as Edition };
  return unreachableCell(column.profile ? { ...place, profile: column.profile.id } : place, reason);
}
