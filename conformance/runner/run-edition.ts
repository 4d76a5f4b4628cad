/**
 * One edition's share of a run: open its server, probe it, run the exclusive checks alone (on servers of their own
 * beside the other cells where the target starts one per session, aside-servers.ts; else first), the other cells a
 * few at a time, then the real-time checks all together (real-time-cells.ts). A check that throws ends only its own cell, never the run: a
 * failure of the target, or an error when the kit failed (cell-results.ts). A target that cannot be probed gets an
 * `error` cell for every cell that applies to it. The editions run side by side in the runner's thread; an
 * edition's reference servers run on a thread of their own (conformance/targets/server-threads.ts).
 */
import { ClientError } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import type { Cell } from './summary-schema.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { columnName, runCheck, type Applicability, type Check, type Column } from '../kit/check.js';
import { contentSource, type ContentSource } from '../kit/content-source.js';
import { keepingAsFound } from '../kit/as-found.js';
import type { Target, TargetSession } from '../targets/target.js';
import {
  joinUnchecked,
  outcomeCell,
  thrownCell,
  unreachableCell,
  type CellPlace,
  type LevelOf,
} from './cell-results.js';
import { ExchangeLog, recordingExchanges, type Attempt } from '../../simulators/mbs-client/exchange-log.js';
import { shownExchanges } from './exchange-view.js';
import { editionCells, type PlannedCell } from './planned-cells.js';
import type { CellFilter } from './planned-cells.js';
import { recordingScreens, ScreenEvidence } from '../kit/screen-evidence.js';
import { replayParts } from '../kit/case-clock.js';
import { drawingFor } from '../kit/cell-draws.js';
import { phasesOf, realTimeApplicability, realTimeCovered, uncheckedOf } from './real-time-cells.js';
import { longestFirst } from './cell-weights.js';
import { hearingStrays } from './stray-rejections.js';
import { asidesAhead, dropAsides, probe, runAside, startAsides, type Asides } from './aside-servers.js';
import { launchBrowserAhead } from '../kit/browser.js';
import { unlessServersLost } from './lost-server-cells.js';

export interface EditionRunOptions {
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
  /** How many cells run at once (default 4). */
  readonly concurrency?: number;
  /** The level of each requirement, which decides whether a finding fails its cell or is advisory. */
  readonly levelOf: LevelOf;
  /** `--real-time`: without the target's clock, the real-time checks wait lifetimes out (real-time-cells.ts). */
  readonly realTime?: boolean;
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
  const cellOptions = { ...options, covered, leavesAsFound: target.leavesAsFound === true };
  const runOn =
    (on: TargetSession) =>
    async ({ check, column }: { check: Check; column: Column }) =>
      done(check, column, await runCell(check, column, on, cellOptions), true);
  const run = runOn(session);
  const phases = phasesOf(tasks);
  const applies = (t: PlannedCell) => applicabilityOf(t.check, t.column, session, options.realTime ?? false).applies;
  if (session.webConsole && tasks.some((t) => t.check.tags?.includes('browser') && applies(t))) launchBrowserAhead();
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

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

type CellOptions = EditionRunOptions & { covered: ReadonlySet<string>; leavesAsFound: boolean };

async function runCell(check: Check, column: Column, session: TargetSession, options: CellOptions): Promise<Cell> {
  const place = placeOf(column);
  const applicability = applicabilityOf(check, column, session, options.realTime ?? false);
  if (!applicability.applies) return notApplying(place, applicability);
  const content = contentSource(options.seed, check.id, place.column);
  // Servers lost behind the kit's back judge no check: not one that began before, nor one that would begin on them.
  const judge = () =>
    unlessServersLost(session, place, () => checkedCell({ check, column, session, content, options }));
  if (!options.leavesAsFound) return judge();
  // After the cell's verdict and outside its watch for strays: putting the server back never changes that verdict.
  const { value: cell, warnings } = await keepingAsFound(session, judge);
  return warnings.length > 0 ? { ...cell, warnings: [...(cell.warnings ?? []), ...warnings] } : cell;
}

/** A cell to judge: its check and column, the session it runs on, its draws and the run's options. */
interface CellTask {
  readonly check: Check;
  readonly column: Column;
  readonly session: TargetSession;
  readonly content: ContentSource;
  readonly options: CellOptions;
}

async function checkedCell(task: CellTask): Promise<Cell> {
  const { column } = task;
  const started = performance.now();
  const { value: cell, stray } = await hearingStrays(() => judgedCell(task));
  if (stray === undefined) return cell;
  // A finding stays a finding, the stray named beside it; anything else (a pass above all) could not be judged.
  if (cell.verdict === 'fail' && cell.failure)
    return { ...cell, failure: { ...cell.failure, message: `${cell.failure.message}\n(${stray})` } };
  const durationMs = performance.now() - started;
  const failure = { message: stray, replayCommand: '' };
  return {
    ...placeOf(column),
    verdict: 'error',
    startedAt: cell.startedAt,
    durationMs,
    runs: 0,
    reason: stray,
    failure,
  };
}

async function judgedCell({ check, column, session, content, options }: CellTask): Promise<Cell> {
  const place = placeOf(column);
  const startedAt = new Date().toISOString();
  const started = performance.now();
  // Every exchange of the cell is recorded, so that a failure carries those of its failing attempt; a check through
  // the screens keeps the screen it failed on.
  const log = new ExchangeLog();
  const screens = new ScreenEvidence();
  const evidence = (cell: Cell) => withScreen(withExchanges({ ...cell, startedAt }, log.failing()), screens);
  try {
    const outcome = await recordingExchanges(log, () =>
      recordingScreens(screens, () =>
        drawingFor(content, () =>
          runCheck(check, {
            checkId: check.id,
            session,
            column,
            seed: options.seed,
            content,
            runs: options.runs,
            ...replayParts(options.path),
          }),
        ),
      ),
    );
    return evidence(
      withUnchecked(
        outcomeCell(check, place, outcome, performance.now() - started, options.levelOf),
        uncheckedOf(check, session, options.covered),
      ),
    );
  } catch (error) {
    return evidence(thrownCell(check, place, error, performance.now() - started, options.levelOf));
  }
}

/** A cell with a failure found through the screens carries the screen of its failing attempt. */
function withScreen(cell: Cell, screens: ScreenEvidence): Cell {
  const screen = screens.last;
  return cell.failure && screen ? { ...cell, failure: { ...cell.failure, screen } } : cell;
}

/** A cell with a failure (a finding, or the kit's own error) carries the exchanges of its failing attempt. */
function withExchanges(cell: Cell, attempt: Attempt): Cell {
  return cell.failure ? { ...cell, failure: { ...cell.failure, ...shownExchanges(attempt) } } : cell;
}

/** The cell of a target that could not be probed: skipped where the check would not apply anyway, else an error. */
function notRun(check: Check, column: Column, session: TargetSession, reason: string, realTime: boolean): Cell {
  const place = placeOf(column);
  const applicability = applicabilityOf(check, column, session, realTime);
  if (!applicability.applies) return notApplying(place, applicability);
  return unopened(column, reason);
}

/** The cell of an edition whose session could not be opened: with no session, nothing says where a check applies. */
function unopened(column: Column, reason: string): Cell {
  return { ...unreachableCell(placeOf(column), reason), startedAt: new Date().toISOString() };
}

/** The cell of a check that does not run here: skipped, or untested when only the target lacks what it needs. */
function notApplying(place: CellPlace, applicability: Applicability & { applies: false }): Cell {
  const verdict = applicability.untested ? 'untested' : 'skipped';
  return {
    ...place,
    verdict,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    runs: 0,
    reason: applicability.reason,
  };
}

/** A cell that ran without the server's clock did not check in full what the check covers only with it. */
function withUnchecked(cell: Cell, unchecked: Cell['unchecked']): Cell {
  if (!unchecked || cell.verdict === 'skipped' || cell.verdict === 'untested' || cell.verdict === 'error') return cell;
  return { ...cell, unchecked: joinUnchecked(cell.unchecked, unchecked) };
}

function placeOf(column: Column): CellPlace {
  return {
    column: columnName(column),
    edition: column.edition,
    ...(column.profile ? { profile: column.profile.id } : {}),
  };
}

function applicabilityOf(check: Check, column: Column, session: TargetSession, realTime: boolean): Applicability {
  const own = modelCheckOfRealBuild(check, session) ?? check.applies?.(column, session);
  // What the check itself lacks here comes first: a real-time check of the console's tokens needs the console key.
  if (own && !own.applies) return own;
  return realTimeApplicability(check, session, realTime) ?? own ?? { applies: true };
}

/** A real build is judged through its screens only: a device check of the app model in process does not apply. */
function modelCheckOfRealBuild(check: Check, session: TargetSession): Applicability | undefined {
  if (!session.app.realBuild || check.scope !== 'device' || check.tags?.includes('ui')) return undefined;
  return { applies: false, reason: 'checks the app model in process; a real build is checked through its screens' };
}
