/**
 * One edition's share of a run: open its server, probe it, run the exclusive checks alone (on servers of their own
 * beside the other cells where the target starts one per session, aside-servers.ts; else first), the other cells a
 * few at a time, then the real-time checks all together (real-time-cells.ts). Each cell is judged on its own
 * (run-cell.ts): a check that throws ends only its own cell, never the run. A target that cannot be probed gets an
 * `error` cell for every cell that applies to it. The editions run side by side in the runner's thread; an
 * edition's reference servers run on a thread of their own (conformance/targets/server-threads.ts).
 */
import { ClientError } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import type { Cell } from './summary-schema.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { Check, Column } from '../kit/check.js';
import type { Target, TargetSession } from '../targets/target.js';
import { editionCells, type PlannedCell } from './planned-cells.js';
import type { CellFilter } from './planned-cells.js';
import { phasesOf, realTimeCovered } from './real-time-cells.js';
import { longestFirst } from './cell-weights.js';
import { asidesAhead, dropAsides, probe, runAside, startAsides, type Asides } from './aside-servers.js';
import { launchBrowserAhead } from '../kit/browser.js';
import { applicabilityOf, notRun, runCell, unopened, type CellRunOptions } from './run-cell.js';

export interface EditionRunOptions extends CellRunOptions {
  /** How many cells run at once (default 4). */
  readonly concurrency?: number;
  /** Only these cells of the selection (the editions in turn, `--smoke`); default all. */
  readonly cells?: CellFilter;
}

/**
 * A finished cell; a failure's replayCommand is left empty for the runner to fill in. `ran` is false for the cells of
 * a target that could not be probed: recorded, but not announced to live displays one by one.
 */
export type CellDone = (check: Check, column: Column, cell: Cell, ran: boolean) => Promise<void>;

/** Runs every cell of `edition`; answers why the target could not be tested, if it could not. */
export async function runEdition(
  target: Target,
  edition: Edition,
  checks: readonly Check[],
  profiles: readonly DeviceSpec[],
  options: EditionRunOptions,
  done: CellDone,
): Promise<ClientError | undefined> {
  const tasks = editionCells(edition, checks, profiles, options.cells);
  // An edition of our own servers with no cell in the selection needs no server; another target is still probed.
  if (tasks.length === 0 && target.serverPerOpen === true) return undefined;
  // The first server takes a thread started ahead, if any; the exclusive checks' start after every edition's first.
  const opening = target.open(edition);
  const ahead = asidesAhead(target, edition, tasks);
  // The browser starts while the servers do, when this thread would only wait for them.
  if (target.consoleEverySession === true && tasks.some(inBrowser)) launchBrowserAhead();
  let session: TargetSession;
  try {
    session = await opening;
  } catch (error) {
    await dropAsides(ahead);
    // A session that could not be opened (a server the kit started could not be used as it needs): every cell is an
    // error saying so, and the run still writes its reports. Anything else is the kit's own failure.
    if (!(error instanceof ClientError)) throw error;
    const reason = `the target could not be tested: ${error.message}`;
    for (const { check, column } of tasks) await done(check, column, unopened(column, reason), false);
    return error;
  }
  try {
    const problem = await probe(session);
    if (problem) {
      await dropAsides(ahead);
      const reason = `the target could not be tested: ${problem.message}`;
      for (const { check, column } of tasks)
        await done(check, column, notRun(check, column, session, reason, options.realTime ?? false), false);
      return problem;
    }
    await runTasks(target, session, { checks, tasks, ahead }, options, done);
    return undefined;
  } finally {
    await session.close();
  }
}

/** The cells of an edition whose server answered: exclusive ones, the pool, then the real-time ones together. */
async function runTasks(
  target: Target,
  session: TargetSession,
  {
    checks,
    tasks,
    ahead,
  }: { readonly checks: readonly Check[]; readonly tasks: readonly PlannedCell[]; ahead: Asides },
  options: EditionRunOptions,
  done: CellDone,
): Promise<void> {
  const { edition } = session;
  const covered = realTimeCovered(checks);
  const cellOptions = {
    ...options,
    covered,
    leavesAsFound: target.leavesAsFound === true,
    sharedWithOtherRuns: target.sharedWithOtherRuns === true,
  };
  const runOn =
    (on: TargetSession) =>
    async ({ check, column }: { check: Check; column: Column }) =>
      done(check, column, await runCell(check, column, on, cellOptions), true);
  const run = runOn(session);
  const phases = phasesOf(tasks);
  const applies = (t: PlannedCell) => applicabilityOf(t.check, t.column, session, options.realTime ?? false).applies;
  if (session.webConsole && tasks.some((t) => inBrowser(t) && applies(t))) launchBrowserAhead();
  // The long cells first, so the edition does not end waiting on one that started last.
  const pool = () => inPool(longestFirst(phases.pooled, options.runs), options.concurrency ?? 4, run);
  // An exclusive check must never share its server with another check. Where the target starts a server per
  // session, the exclusive ones take servers of their own, one at a time on each, while the others share the first
  // (aside-servers.ts): the run does not wait for them before it starts the rest. With nothing to run beside them,
  // another server saves nothing. The pool does not wait for those servers to start: the exclusive ones run on them
  // once they are up, and on the first too, one at a time, once the pool has ended. Exclusive cells that will only be
  // skipped here (Home's 2FA checks) start no server: they need none.
  const applying = phases.alone.filter(applies);
  if (applying.length > 0 && phases.pooled.length > 0 && target.serverPerOpen === true) {
    const asides = ahead.length > 0 ? ahead : startAsides(target, edition, applying);
    const pooled = pool();
    const freed = pooled.then(() => session);
    await Promise.all([
      runAside(asides, longestFirst(phases.alone, options.runs), (on, task) => runOn(on)(task), freed),
      pooled,
    ]);
  } else {
    await dropAsides(ahead);
    for (const task of longestFirst(phases.alone, options.runs)) await run(task);
    await pool();
  }
  await Promise.all(phases.together.map(run));
}

function inBrowser(task: PlannedCell): boolean {
  return task.check.tags?.includes('browser') === true;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}
